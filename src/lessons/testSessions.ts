import type { Draft } from 'immer';
import type { GraphFile } from '../../engine';
import { Session } from '../session/Session';
import { example } from '../stepper/testGraphs';

/** A session on a shipped example, with a frame scheduler that never runs (the tests step by hand). */
export function sessionOn(name: string, change?: (doc: Draft<GraphFile>) => void): Session {
  const s = new Session({ doc: example(name), frames: { request: () => 0, cancel: () => undefined } });
  if (change) s.edit('test change', change);
  return s;
}

/** Sets the document's learning rate, as the Train tab does. */
export function setLr(s: Session, lr: number): void {
  s.edit(
    'training settings',
    (d) => {
      d.training.optimizer.lr = lr;
    },
    'train.lr',
  );
}

/** Plays `n` whole training steps, as Step training step does. */
export function trainSteps(s: Session, n: number): void {
  for (let k = 0; k < n; k++) s.stepTrainingStep();
}
