import type { TracePhase } from '../../engine';
import { formatNumber } from '../format';
import type { RunError } from '../session/runError';
import type { LastRun, TrainingState } from '../session/types';

/** The parts of the session the status line describes. */
export interface GradStatusInput {
  readonly nodeCount: number;
  readonly errorCount: number;
  readonly hasProgram: boolean;
  readonly runError: Pick<RunError, 'message' | 'internal'> | null;
  readonly backwardCount: number;
  readonly backwardFrom: string | null;
  /** The run that last changed what the program holds. */
  readonly lastRun?: LastRun;
  /** The training run: its status, epochs and latest loss. */
  readonly training?: { readonly status: TrainingState['status']; readonly epoch: number; readonly epochs: number; readonly loss: number | null; readonly divergenceEpoch: number | null };
  /** The step-through: the step being played (its phase, null before its first event), or where stepping stopped. */
  readonly stepper?: { readonly step: number; readonly inProgress: boolean; readonly phase: TracePhase | null; readonly diverged: boolean };
}

/** A message key with its placeholders. */
export interface StatusMessage {
  readonly key: string;
  readonly vars?: Readonly<Record<string, string | number>>;
  /** Raw text for a tooltip only: the words of an error that was not the engine's, never shown as the message. */
  readonly title?: string;
}

/** A loss for a sentence: four significant digits. */
function lossText(v: number | null): string {
  return v === null ? '—' : formatNumber(v, 4);
}

/**
 * What the model is doing or holds right now, in words: a run in progress or how it
 * ended, the training step being played or the last one written, else what the gradients
 * hold. Leaf gradients accumulate across Backward presses exactly as in PyTorch, so the
 * count since the last zero grad is what matters.
 */
export function gradStatus(s: GradStatusInput): StatusMessage {
  const t = s.training;
  const st = s.stepper;
  if (s.nodeCount === 0) return { key: 'shell.status.empty' };
  if (t?.status === 'running') return { key: 'shell.status.training', vars: { epoch: t.epoch, epochs: t.epochs, loss: lossText(t.loss) } };
  if (t?.status === 'paused') return { key: 'shell.status.trainPaused', vars: { epoch: t.epoch, epochs: t.epochs } };
  if (s.runError !== null) {
    // The engine's errors are written for the user; anything else would be JavaScript's words, so it gets a plain sentence.
    if (s.runError.internal) return { key: 'shell.status.runFailed', title: s.runError.message };
    return { key: 'shell.status.runError', vars: { message: s.runError.message } };
  }
  if (!s.hasProgram || s.errorCount > 0) return { key: 'shell.status.problems', vars: { count: s.errorCount } };
  if (st?.diverged) return { key: 'shell.status.stepDiverged', vars: { step: st.step } };
  if (st?.inProgress) return st.phase === null ? { key: 'shell.status.stepStart', vars: { step: st.step } } : { key: 'shell.status.stepping', vars: { step: st.step, phase: st.phase } };
  if (s.lastRun?.type === 'step') return { key: s.lastRun.updated ? 'shell.status.stepped' : 'shell.status.steppedNoParams', vars: { step: s.lastRun.step, loss: lossText(s.lastRun.loss) } };
  if (s.lastRun === null && t?.status === 'diverged') return { key: 'shell.status.trainDiverged', vars: { epoch: t.divergenceEpoch ?? t.epoch } };
  if (s.lastRun === null && t?.status === 'done') return { key: 'shell.status.trained', vars: { epoch: t.epoch, loss: lossText(t.loss) } };
  if (s.backwardFrom === null) return { key: 'shell.status.noGrad' };
  if (s.backwardCount === 0) return { key: 'shell.status.zeroed' };
  if (s.backwardCount === 1) return { key: 'shell.status.once', vars: { node: s.backwardFrom } };
  return { key: 'shell.status.accumulated', vars: { count: s.backwardCount, node: s.backwardFrom } };
}
