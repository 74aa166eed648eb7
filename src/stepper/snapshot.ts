import type { Divergence } from '../../engine';
import { stepEpoch } from '../session/Session';
import type { SessionState } from '../session/types';
import { type PlainEvent, plainEvent } from './playback';

/** The step-through as the test hook reports it: where playback stands and every event of the current training step. */
export interface StepperSnapshot {
  /** Index of the event shown last; -1 at the start of the training step. */
  cursor: number;
  /** The training step the step bar shows: the steps in the model's history, plus the one being played. */
  epoch: number;
  /** Whether the step's update has been played and written into the document. */
  committed: boolean;
  zeroGrad: boolean;
  playing: boolean;
  lr: number;
  error: string | null;
  /** The divergence rule's finding once a step broke it (its epoch is the 1-based training step). */
  divergence: Divergence | null;
  events: PlainEvent[];
}

/** Copies the session's step-through into plain data. */
export function stepperSnapshot(state: SessionState): StepperSnapshot {
  const s = state.stepper;
  return {
    cursor: s.cursor,
    epoch: stepEpoch(state),
    committed: s.committed,
    zeroGrad: s.zeroGrad,
    playing: s.playing,
    lr: state.history.present.training.optimizer.lr,
    error: s.error,
    divergence: s.divergence && { ...s.divergence, nodes: [...s.divergence.nodes] },
    events: s.events.map(plainEvent),
  };
}
