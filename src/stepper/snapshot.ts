import type { Divergence } from '../../engine';
import { type PlainEvent, plainEvent } from './playback';
import type { StepperState } from './stepperStore';

/** The step-through as the test hook reports it: where playback stands and every event of the current training step. */
export interface StepperSnapshot {
  /** Index of the event shown last; -1 at the start of the training step. */
  cursor: number;
  epoch: number;
  zeroGrad: boolean;
  playing: boolean;
  lr: number;
  error: string | null;
  /** The divergence rule's finding once a step broke it (its epoch is the 1-based training step). */
  divergence: Divergence | null;
  events: PlainEvent[];
}

/** Copies the stepper state into plain data. */
export function stepperSnapshot(s: StepperState): StepperSnapshot {
  return {
    cursor: s.cursor,
    epoch: s.epoch,
    zeroGrad: s.zeroGrad,
    playing: s.playing,
    lr: s.lr,
    error: s.error,
    divergence: s.divergence && { ...s.divergence, nodes: [...s.divergence.nodes] },
    events: s.events.map(plainEvent),
  };
}
