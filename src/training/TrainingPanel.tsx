import type { Draft } from 'immer';
import { DEFAULT_DIVERGENCE_FACTOR, type DivergenceSetting, formatCount, type GraphFile, NEVER_STOP, type TrainingSettings } from '../../engine';
import { formatNumber } from '../format';
import { useLanguage } from '../i18n/language';
import { useT } from '../i18n/useT';
import { CheckField } from '../panels/CheckField';
import type { Session } from '../session/Session';
import { useSession, useSessionApi } from '../session/useSession';
import { AccuracyField } from './AccuracyField';
import { divergenceText } from './divergenceText';
import { LossLine } from './LossLine';
import { MetricsLine } from './MetricsLine';
import { NumberField } from './NumberField';
import { switchOptimizer, withDefaults } from './settings';
import './training.css';
import './trainingMessages';

type Optimizer = TrainingSettings['optimizer'];

function editTraining(session: Session, field: string, recipe: (t: Draft<GraphFile['training']>) => void): void {
  session.edit('training settings', (d) => recipe(d.training), `train.${field}`);
}

/** Sets an optimizer field; undefined removes it (PyTorch's default applies). */
function setOpt(session: Session, field: string, value: number | boolean | undefined): void {
  editTraining(session, field, (t) => {
    const o = t.optimizer as Record<string, unknown>;
    if (value === undefined) delete o[field];
    else o[field] = value;
  });
}

/** A loss of the run so far, or a dash before its first epoch. */
function formatLoss(v: number | undefined): string {
  return v === undefined ? '—' : formatNumber(v);
}

/**
 * The divergence factor: a checkbox turns the loss-growth stop off (null) or back on (the
 * default, by leaving the setting out), and the number sets the factor itself.
 */
function DivergenceFactorField({ factor }: { readonly factor: DivergenceSetting | undefined }) {
  const t = useT();
  const session = useSessionApi();
  const stops = factor !== NEVER_STOP;
  const on = factor !== null && stops;
  return (
    <>
      <CheckField
        testid="train.divergenceStop"
        label={t('train.divergenceStop')}
        title={t('train.divergenceStop.title')}
        checked={stops}
        onChange={(checked) =>
          editTraining(session, 'divergenceFactor', (tr) => {
            if (checked) delete tr.divergenceFactor;
            else tr.divergenceFactor = NEVER_STOP;
          })
        }
      />
      {stops && (
        <CheckField
          testid="train.divergenceFactor.on"
          label={t('train.divergenceFactor.on')}
          title={t('train.divergenceFactor.title')}
          checked={on}
          onChange={(checked) =>
            editTraining(session, 'divergenceFactor', (tr) => {
              if (checked) delete tr.divergenceFactor;
              else tr.divergenceFactor = null;
            })
          }
        />
      )}
      {on && (
        <NumberField
          testid="train.divergenceFactor"
          label={t('train.divergenceFactor')}
          value={typeof factor === 'number' ? factor : DEFAULT_DIVERGENCE_FACTOR}
          rule="aboveOne"
          onCommit={(v) => v !== null && editTraining(session, 'divergenceFactor', (tr) => void (tr.divergenceFactor = v))}
        />
      )}
    </>
  );
}

/** The document's number type: float64 (the default, left out of the file) or float32 as PyTorch computes by default. */
function DtypeField() {
  const t = useT();
  const session = useSessionApi();
  const dtype = useSession((s) => s.history.present.dtype ?? 'float64');
  return (
    <div className="insp-field" title={t('train.dtype.title')}>
      <label htmlFor="train-dtype">{t('train.dtype')}</label>
      <select
        id="train-dtype"
        data-testid="train.dtype"
        value={dtype}
        onChange={(e) =>
          session.edit(
            'number type',
            (d) => {
              if (e.target.value === 'float32') d.dtype = 'float32';
              else delete d.dtype;
            },
            'train.dtype',
          )
        }
      >
        <option value="float64">{t('train.dtype.float64')}</option>
        <option value="float32">{t('train.dtype.float32')}</option>
      </select>
    </div>
  );
}

/** The training panel: optimizer and its hyper-parameters, epochs, batch, seed, number type; Train / Pause / Resume / Reset and progress. */
export function TrainingPanel() {
  const t = useT();
  const session = useSessionApi();
  const lang = useLanguage((s) => s.lang);
  const training = useSession((s) => s.history.present.training);
  const status = useSession((s) => s.training.status);
  const epoch = useSession((s) => s.training.epoch);
  const epochs = useSession((s) => s.training.epochs);
  const loss = useSession((s) => s.training.lastLoss ?? undefined);
  const speed = useSession((s) => s.training.stepsPerSecond);
  const divergence = useSession((s) => s.training.divergence);
  const error = useSession((s) => s.training.error);
  const pausedByEdit = useSession((s) => s.training.pausedByEdit);
  const hasStart = useSession((s) => s.training.startParams !== null);
  const o: Optimizer = training.optimizer;
  const d = withDefaults(o);
  const running = status === 'running';

  return (
    <div className="training" data-testid="training">
      <div className="insp-field">
        <label htmlFor="train-optimizer">{t('train.optimizer')}</label>
        <select
          id="train-optimizer"
          data-testid="train.optimizer"
          value={o.type}
          onChange={(e) => editTraining(session, 'optimizer', (tr) => void (tr.optimizer = switchOptimizer(tr.optimizer as Optimizer, e.target.value as Optimizer['type'])))}
        >
          <option value="sgd">{t('train.optimizer.sgd')}</option>
          <option value="adam">{t('train.optimizer.adam')}</option>
        </select>
      </div>
      <NumberField testid="train.lr" label={t('train.lr')} value={o.lr} rule="positive" onCommit={(v) => setOpt(session, 'lr', v ?? undefined)} />
      {'momentum' in d ? (
        <>
          <NumberField testid="train.momentum" label={t('train.momentum')} value={d.momentum} rule="nonNegative" onCommit={(v) => setOpt(session, 'momentum', v || undefined)} />
          <NumberField testid="train.dampening" label={t('train.dampening')} value={d.dampening} rule="nonNegative" onCommit={(v) => setOpt(session, 'dampening', v || undefined)} />
          <div className="insp-field insp-check">
            <label title={d.momentum === 0 ? t('train.momentum') : undefined}>
              <input type="checkbox" data-testid="train.nesterov" checked={d.nesterov} disabled={d.momentum === 0} onChange={(e) => setOpt(session, 'nesterov', e.target.checked || undefined)} />
              {t('train.nesterov')}
            </label>
          </div>
        </>
      ) : (
        <>
          <NumberField testid="train.beta1" label={t('train.beta1')} value={d.beta1} rule="unit" onCommit={(v) => setOpt(session, 'beta1', v ?? undefined)} />
          <NumberField testid="train.beta2" label={t('train.beta2')} value={d.beta2} rule="unit" onCommit={(v) => setOpt(session, 'beta2', v ?? undefined)} />
          <NumberField testid="train.eps" label={t('train.eps')} value={d.eps} rule="positive" onCommit={(v) => setOpt(session, 'eps', v ?? undefined)} />
          <div className="insp-field insp-check">
            <label>
              <input type="checkbox" data-testid="train.amsgrad" checked={d.amsgrad} onChange={(e) => setOpt(session, 'amsgrad', e.target.checked || undefined)} />
              {t('train.amsgrad')}
            </label>
          </div>
        </>
      )}
      <NumberField testid="train.weightDecay" label={t('train.weightDecay')} value={d.weightDecay} rule="nonNegative" onCommit={(v) => setOpt(session, 'weightDecay', v || undefined)} />
      <NumberField testid="train.epochs" label={t('train.epochs')} value={training.epochs} rule="positiveInteger" onCommit={(v) => editTraining(session, 'epochs', (tr) => void (tr.epochs = v ?? 1))} />
      <NumberField testid="train.batch" label={t('train.batch')} value={training.batchSize} rule="positiveInteger" allowEmpty onCommit={(v) => editTraining(session, 'batch', (tr) => void (tr.batchSize = v))} />
      <NumberField testid="train.seed" label={t('train.seed')} value={training.seed} rule="integer" onCommit={(v) => editTraining(session, 'seed', (tr) => void (tr.seed = v ?? 0))} />
      <DtypeField />
      <DivergenceFactorField factor={training.divergenceFactor} />
      <AccuracyField />
      <LossLine />

      <div className="training__buttons">
        <button type="button" data-testid="train.start" disabled={running} onClick={() => session.train()}>
          {t('train.start')}
        </button>
        <button type="button" data-testid="train.pause" disabled={!running} onClick={() => session.pauseTraining()}>
          {t('train.pause')}
        </button>
        <button type="button" data-testid="train.resume" disabled={status !== 'paused'} onClick={() => session.resumeTraining()}>
          {t('train.resume')}
        </button>
        <button type="button" data-testid="train.reset" disabled={!hasStart} onClick={() => session.resetTraining()}>
          {t('train.reset')}
        </button>
      </div>

      <div className="training__progress" data-testid="train.progress" data-status={status} data-epoch={epoch} aria-live="polite">
        <progress max={Math.max(epochs, 1)} value={epoch} aria-label={t(`train.status.${status}`)} />
        <span className="training__status">{t(`train.status.${status}`)}</span>
        {status !== 'idle' && (
          <span>
            {t('train.progress', { epoch, epochs, loss: formatLoss(loss), speed: formatCount(speed) })}
          </span>
        )}
      </div>
      <MetricsLine />
      {pausedByEdit && status === 'paused' && <p className="insp-hint">{t('train.pausedByEdit')}</p>}
      {divergence && (
        <p className="insp-error" role="alert" data-testid="train.divergence">
          {divergenceText(lang, divergence.detail, divergence.lr)}
        </p>
      )}
      {error && (
        <p className="insp-error" role="alert" data-testid="train.error">
          {error}
        </p>
      )}
    </div>
  );
}
