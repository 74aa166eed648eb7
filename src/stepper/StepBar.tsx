import { useEffect } from 'react';
import { formatNumber } from '../format';
import { useLanguage } from '../i18n/language';
import { useT } from '../i18n/useT';
import { divergenceReason } from '../training/divergenceText';
import { stepKeyFor } from './keys';
import { lossShown, PHASES, phaseAt, SPEEDS } from './playback';
import { useStepper } from './useStepper';
import './stepper.css';

/** The step bar: Step, Step phase, Step training step, Play/Pause, Back, Reset, speed, zero grad, and the phase loop. */
export function StepBar() {
  const t = useT();
  const playing = useStepper((s) => s.playing);
  const speed = useStepper((s) => s.speed);
  const zeroGrad = useStepper((s) => s.zeroGrad);
  const error = useStepper((s) => s.error);
  const divergence = useStepper((s) => s.divergence);
  const lr = useStepper((s) => s.lr);
  const lang = useLanguage((s) => s.lang);
  const accumulated = useStepper((s) => (s.zeroGrad ? 0 : s.accumulated));
  useStepKeys();
  const rate = SPEEDS[speed];
  const speedText = rate === Infinity ? t('stepper.speed.frame') : t('stepper.speed.events', { n: rate });
  const act = useStepper.getState;

  return (
    <div className="stepbar" role="toolbar" aria-label={t('stepper.bar')} data-testid="step.bar">
      <button type="button" data-testid="step.back" title={t('stepper.back.title')} onClick={() => act().back()}>
        <span aria-hidden="true">◀ </span>
        {t('stepper.back')}
      </button>
      <button type="button" data-testid="step.step" title={t('stepper.step.title')} onClick={() => act().step()}>
        {t('stepper.step')}
        <span aria-hidden="true"> ▶</span>
      </button>
      <button type="button" data-testid="step.phase" title={t('stepper.phase.title')} onClick={() => act().stepPhase()}>
        {t('stepper.phase')}
        <span aria-hidden="true"> ▶▶</span>
      </button>
      <button type="button" data-testid="step.training" title={t('stepper.training.title')} onClick={() => act().stepTrainingStep()}>
        {t('stepper.training')}
        <span aria-hidden="true"> ⟳</span>
      </button>
      <button type="button" data-testid="step.play" aria-pressed={playing} title={t('stepper.play.title')} onClick={() => act().togglePlay()}>
        <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
        {playing ? t('stepper.pause') : t('stepper.play')}
      </button>
      <button type="button" data-testid="step.reset" title={t('stepper.reset.title')} onClick={() => act().reset()}>
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
          onChange={(e) => act().setSpeed(Number(e.target.value))}
        />
        <span className="stepbar__speedText">{speedText}</span>
      </label>
      <label className="stepbar__check" title={t('stepper.zeroGrad.title')}>
        <input type="checkbox" data-testid="step.zeroGrad" checked={zeroGrad} onChange={(e) => act().setZeroGrad(e.target.checked)} />
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
          {t('stepper.diverged', { step: divergence.epoch, reason: divergenceReason(lang, divergence), lr })}
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
  const phase = useStepper((s) => phaseAt(s));
  const epoch = useStepper((s) => s.epoch);
  const loss = useStepper((s) => lossShown(s));
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
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat && e.key === ' ') return;
      const action = stepKeyFor(e, e.target instanceof Element ? e.target : null);
      if (!action) return;
      e.preventDefault();
      const s = useStepper.getState();
      if (action === 'play') s.togglePlay();
      else if (action === 'step') s.step();
      else if (action === 'phase') s.stepPhase();
      else s.back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
