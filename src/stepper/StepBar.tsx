import { useEffect } from 'react';
import { formatNumber } from '../format';
import { useLanguage } from '../i18n/language';
import { useT } from '../i18n/useT';
import { lastLoss } from '../session/runHistory';
import { curveOf, stepEpoch } from '../session/Session';
import { useSession, useSessionApi } from '../session/useSession';
import { divergenceReason } from '../training/divergenceText';
import { stepKeyFor } from './keys';
import { preloadStepDetails } from './StepPanel';
import { lossShown, PHASES, phaseAt, SPEEDS } from './playback';
import './stepper.css';

const preload = () => void preloadStepDetails();

/** The step bar: Step, Step phase, Step training step, Play/Pause, Back, Reset, speed, zero grad, and the phase loop. */
export function StepBar() {
  const t = useT();
  const session = useSessionApi();
  const playing = useSession((s) => s.stepper.playing);
  const speed = useSession((s) => s.stepper.speed);
  const zeroGrad = useSession((s) => s.stepper.zeroGrad);
  const error = useSession((s) => s.stepper.error);
  const divergence = useSession((s) => s.stepper.divergence);
  const lr = useSession((s) => s.history.present.training.optimizer.lr);
  const lang = useLanguage((s) => s.lang);
  // With zero grad off, the leaves hold the sum of every backward since the last zeroing.
  const accumulated = useSession((s) => (s.stepper.zeroGrad ? 0 : s.run.backwardCount));
  useStepKeys();
  const rate = SPEEDS[speed];
  const speedText = rate === Infinity ? t('stepper.speed.frame') : t('stepper.speed.events', { n: rate });

  return (
    // A pointer or the keyboard reaching the step bar starts the download of the step panel's explanation and PyTorch view.
    <div className="stepbar" role="toolbar" aria-label={t('stepper.bar')} data-testid="step.bar" onPointerEnter={preload} onFocus={preload}>
      <button type="button" data-testid="step.back" title={t('stepper.back.title')} onClick={() => session.back()}>
        <span aria-hidden="true">◀ </span>
        {t('stepper.back')}
      </button>
      <button type="button" data-testid="step.step" title={t('stepper.step.title')} onClick={() => session.step()}>
        {t('stepper.step')}
        <span aria-hidden="true"> ▶</span>
      </button>
      <button type="button" data-testid="step.phase" title={t('stepper.phase.title')} onClick={() => session.stepPhase()}>
        {t('stepper.phase')}
        <span aria-hidden="true"> ▶▶</span>
      </button>
      <button type="button" data-testid="step.training" title={t('stepper.training.title')} onClick={() => session.stepTrainingStep()}>
        {t('stepper.training')}
        <span aria-hidden="true"> ⟳</span>
      </button>
      <button type="button" data-testid="step.play" aria-pressed={playing} title={t('stepper.play.title')} onClick={() => session.togglePlay()}>
        <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
        {playing ? t('stepper.pause') : t('stepper.play')}
      </button>
      <button type="button" data-testid="step.reset" title={t('stepper.reset.title')} onClick={() => session.resetStepper()}>
        {t('stepper.reset')}
      </button>
      <label className="stepbar__speed">
        {t('stepper.speed')}
        <input
          type="range"
          data-testid="step.speed"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speed}
          aria-valuetext={speedText}
          onChange={(e) => session.setSpeed(Number(e.target.value))}
        />
        <span className="stepbar__speedText">{speedText}</span>
      </label>
      <label className="stepbar__check" title={t('stepper.zeroGrad.title')}>
        <input type="checkbox" data-testid="step.zeroGrad" checked={zeroGrad} onChange={(e) => session.setZeroGrad(e.target.checked)} />
        {t('stepper.zeroGrad')}
      </label>
      <PhaseLoop />
      {accumulated > 1 && (
        <p className="steppanel__note stepbar__note" data-testid="step.accumulationNote" role="status">
          {t('stepper.accumulation', { count: accumulated })}
        </p>
      )}
      {divergence && (
        <span className="stepbar__error" role="alert" data-testid="step.divergence">
          {t('stepper.diverged', {
            step: divergence.epoch,
            reason: divergenceReason(lang, divergence),
            restored: divergence.lastGoodEpoch === null ? t('stepper.diverged.restoredStart') : t('stepper.diverged.restored', { step: divergence.lastGoodEpoch }),
            lr,
          })}
        </span>
      )}
      {error && (
        <span className="stepbar__error" role="alert" data-testid="step.error">
          {t('stepper.error', { message: error })}
        </span>
      )}
    </div>
  );
}

/** predict → loss → backward → update → …, the current phase lit, with the epoch and the loss. */
function PhaseLoop() {
  const t = useT();
  const phase = useSession((s) => phaseAt(s.stepper));
  const epoch = useSession(stepEpoch);
  // The loss of the step being played once its loss is shown; otherwise the model's latest (stepped or trained).
  const loss = useSession((s) => (s.stepper.events.length > 0 ? lossShown(s.stepper) : lastLoss(curveOf(s))));
  return (
    <div className="phaseloop" data-testid="step.phases">
      <ol className="phaseloop__list" aria-label={t('stepper.phases')}>
        {PHASES.map((p) => (
          <li key={p} className={p === phase ? 'phaseloop__phase phaseloop__phase--current' : 'phaseloop__phase'} data-testid={`step.phase.${p}`} aria-current={p === phase ? 'step' : undefined}>
            {t(`stepper.phase.${p}`)}
          </li>
        ))}
        <li className="phaseloop__again" aria-hidden="true">
          ↺
        </li>
      </ol>
      <span className="phaseloop__epoch" data-testid="step.epoch" data-epoch={epoch}>
        {t('stepper.epoch', { n: epoch })}
      </span>
      <span className="phaseloop__loss" data-testid="step.loss" data-value={loss ?? ''}>
        {t('stepper.lossValue', { value: loss === null ? '—' : formatNumber(loss) })}
      </span>
    </div>
  );
}

// Space, →, Shift+→ and ← for the whole page, except where those keys already mean something.
function useStepKeys(): void {
  const session = useSessionApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat && e.key === ' ') return;
      const action = stepKeyFor(e, e.target instanceof Element ? e.target : null);
      if (!action) return;
      e.preventDefault();
      if (action === 'play') session.togglePlay();
      else if (action === 'step') session.step();
      else if (action === 'phase') session.stepPhase();
      else session.back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
}
