import { describe, expect, it } from 'vitest';
import { fileOptimizerState, fileToGraph, type GraphFile, toFileOptimizerState, Trainer } from '../../engine';
import { example, reusedParameter } from '../stepper/testGraphs';
import { curveOf, Session, stepEpoch } from './Session';
import { lossSeries, trailOf } from './runHistory';

const XS = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);

/** A session with no frame scheduler of its own: playback runs only when a test calls the frames. */
function stepper(doc = example('composite-function'), frames: ((t: number) => void)[] = []) {
  return new Session({ doc, frames: { request: (cb) => frames.push(cb), cancel: () => undefined } });
}

const current = (s: Session) => s.state.stepper.events[s.state.stepper.cursor];

describe('Session step-through', () => {
  it('session.step() shows the forward values in topological order', () => {
    const s = stepper();
    const seen: string[] = [];
    for (let k = 0; k < 5; k++) {
      s.step();
      seen.push(current(s).node);
    }
    expect(seen).toEqual(['x', 'square', 'scale', 'y', 'z']);
    expect(stepEpoch(s.state)).toBe(1);
    const z = XS.reduce((a, x) => a + 2 * x * x + 2, 0);
    expect(s.state.stepper.nodes.get('z')!.value!.data[0]).toBeCloseTo(z, 9);
  });

  it('session.stepPhase() finishes predict, then loss, then backward', () => {
    const s = stepper();
    s.stepPhase();
    expect(current(s).node).toBe('y');
    s.stepPhase();
    expect(current(s).node).toBe('z');
    s.stepPhase();
    expect(current(s).phase).toBe('backward');
    expect(Array.from(s.state.stepper.nodes.get('x')!.grad!.data)).toEqual(XS.map((x) => 4 * x));
  });

  it('session.setZeroGrad(false) → the leaf gradient grows each training step, and the backward count with it', () => {
    const s = stepper();
    s.setZeroGrad(false);
    s.stepTrainingStep();
    s.stepTrainingStep();
    expect(stepEpoch(s.state)).toBe(2);
    expect(s.state.run.backwardCount).toBe(2);
    expect(s.state.stepper.nodes.get('x')!.grad!.data[0]).toBe(2 * 4 * -2);
    s.setZeroGrad(true);
    s.stepTrainingStep();
    expect(s.state.stepper.nodes.get('x')!.grad!.data[0]).toBe(4 * -2);
    expect(s.state.run.backwardCount).toBe(1);
  });

  it('session.stepTrainingStep() → after = before − lr·grad, and the next step trains from it', () => {
    const s = stepper(reusedParameter());
    s.stepTrainingStep();
    const up = current(s);
    expect(up.type).toBe('update');
    if (up.type !== 'update') return;
    // loss = Σ p² + p, so grad = 2p + 1.
    expect(Array.from(up.grad.data)).toEqual([3, -3]);
    expect(Array.from(up.after.data)).toEqual([1 - 0.1 * 3, -2 + 0.1 * 3]);
    const back = s.state.stepper.events.find((e) => e.type === 'backward' && e.node === 'p');
    expect(back?.type === 'backward' && back.contributions.length).toBe(3);
    s.step();
    const next = s.state.stepper.events[0];
    expect(next.type === 'forward' && Array.from(next.value.data)).toEqual([0.7, -1.7]);
    expect(stepEpoch(s.state)).toBe(2);
  });

  it('session.back() then step() → the same views', () => {
    const s = stepper();
    s.stepPhase();
    s.step();
    const at = s.state.stepper.cursor;
    const edges = s.state.stepper.edges;
    s.back();
    s.back();
    s.step();
    s.step();
    expect(s.state.stepper.cursor).toBe(at);
    expect([...s.state.stepper.edges.keys()]).toEqual([...edges.keys()]);
  });

  it('session.step() on a graph that does not compile → an error instead of a step', () => {
    const doc = example('composite-function');
    const s = stepper({ ...doc, edges: doc.edges.slice(1) });
    s.step();
    expect(s.state.stepper.error).not.toBeNull();
    expect(s.state.stepper.events).toHaveLength(0);
  });

  it('session.resetStepper() mid-step → the next step starts from the document’s parameters', () => {
    const s = stepper(reusedParameter());
    s.stepPhase();
    s.resetStepper();
    s.step();
    const e = s.state.stepper.events[0];
    expect(e.type === 'forward' && Array.from(e.value.data)).toEqual([1, -2]);
  });
});

/** The linear-regression example at a learning rate that makes it blow up (momentum: SGD with momentum, so there is optimizer state to restore). */
function blowingUp(divergenceFactor?: number | null, momentum?: number): GraphFile {
  const doc = example('linear-regression-module');
  const optimizer = { type: 'sgd' as const, lr: 0.5, ...(momentum === undefined ? {} : { momentum }) };
  return { ...doc, training: { ...doc.training, optimizer, ...(divergenceFactor === undefined ? {} : { divergenceFactor }) } };
}

/** The engine's Trainer on the same document, run until the rule fires. */
function trainerRun(doc: GraphFile): Trainer {
  const t = new Trainer(fileToGraph(doc), { ...doc.training, epochs: 10_000 }, fileOptimizerState(doc));
  while (!t.divergence) t.epoch();
  return t;
}

/** The training step (1-based) at which the engine's Trainer stops the same document. */
function trainerStop(doc: GraphFile): number {
  return (trainerRun(doc).divergence?.epoch ?? NaN) + 1;
}

/** Steps whole training steps until the rule fires (or `max` steps). */
function stepUntilDiverged(s: Session, max = 1000): void {
  for (let k = 0; k < max && s.state.stepper.divergence === null; k++) s.stepTrainingStep();
}

const linearParams = (doc: GraphFile) => {
  const p = doc.nodes.find((n) => n.id === 'linear')?.params;
  return { weight: p?.weight.data, bias: p?.bias.data };
};

describe('Session step-through and the divergence rule', () => {
  it('stepping training steps → stops at the Trainer’s step; the document then holds the Trainer’s parameters, optimizer state and losses, written as one entry', () => {
    const doc = blowingUp(undefined, 0.5);
    const t = trainerRun(doc);
    const at = (t.divergence?.epoch ?? NaN) + 1;
    expect(t.divergence?.lastGoodEpoch).toBe(at - 2);
    expect(at).toBeGreaterThan(2);
    const s = stepper(doc);
    stepUntilDiverged(s);
    expect(stepEpoch(s.state)).toBe(at);
    expect(s.state.stepper.divergence).toMatchObject({ epoch: at, rule: 'loss-growth', nodes: [doc.loss], lastGoodEpoch: at - 1 });
    expect(s.state.history.past.map((e) => e.label)).toEqual([...Array.from({ length: at - 1 }, (_, k) => `Step ${k + 1}`), `Step ${at} (diverged)`]);
    // Back to where the last good step started, as the Trainer goes back to where its last good epoch started.
    const present = s.state.history.present;
    const [weight, bias] = t.program.params.map((p) => Array.from(p.value));
    expect(linearParams(present)).toEqual({ weight, bias });
    expect(present.optimizerState).toEqual(toFileOptimizerState(t.optimizer.state()));
    expect(lossSeries(curveOf(s.state)).loss).toEqual(t.history);
    expect(trailOf(curveOf(s.state)).at(-1)).toEqual({ epoch: at, params: { 'linear.weight': weight, 'linear.bias': bias } });
    expect(Array.from(s.state.compiled.program!.params[0].value)).toEqual(weight);
    // Further steps start nothing; Undo takes the restore back in one go, to the last written step.
    s.stepTrainingStep();
    s.step();
    expect(stepEpoch(s.state)).toBe(at);
    const stepBefore = s.state.history.past.length;
    s.undo();
    expect(s.state.history.past).toHaveLength(stepBefore - 1);
    expect(linearParams(s.state.history.present)).not.toEqual({ weight, bias });
    expect(curveOf(s.state).epochs).toBe(at - 1);
  });

  it('the first step of a stepping run breaking the rule → the parameters stay where it started; its loss is on the curve', () => {
    const doc = blowingUp();
    const lin = doc.nodes.find((n) => n.id === 'linear');
    const broken = { ...doc, nodes: doc.nodes.map((n) => (n === lin && n.params ? { ...n, params: { ...n.params, bias: { shape: [1], data: ['Infinity' as const] } } } : n)) };
    const s = stepper(broken);
    s.stepTrainingStep();
    expect(s.state.stepper.divergence).toMatchObject({ epoch: 1, rule: 'nonfinite-loss', lastGoodEpoch: null });
    expect(s.state.history.past.map((e) => e.label)).toEqual(['Step 1 (diverged)']);
    expect(s.state.history.present.nodes.find((n) => n.id === 'linear')?.params).toBe(broken.nodes.find((n) => n.id === 'linear')?.params);
    expect(curveOf(s.state).epochs).toBe(1);
  });

  it('the step that breaks the rule plays out event by event; the message comes at its end', () => {
    const doc = blowingUp();
    const at = trainerStop(doc);
    const s = stepper(doc);
    for (let k = 1; k < at; k++) s.stepTrainingStep();
    s.step();
    expect(stepEpoch(s.state)).toBe(at);
    while (s.state.stepper.cursor < s.state.stepper.events.length - 1) {
      expect(s.state.stepper.divergence).toBeNull();
      s.step();
    }
    expect(s.state.stepper.divergence?.epoch).toBe(at);
  });

  it('session.play() at one step per frame → pauses when the rule fires', () => {
    const frames: ((t: number) => void)[] = [];
    const doc = blowingUp();
    const s = stepper(doc, frames);
    s.setSpeed(7);
    s.play();
    for (let t = 1; t < 1000 && frames.length > 0; t++) frames.shift()?.(t * 16);
    expect(s.state.stepper.playing).toBe(false);
    expect(s.state.stepper.divergence?.epoch).toBe(trainerStop(doc));
  });

  it('divergenceFactor null → stepping goes on past the growth and stops only at inf or nan', () => {
    const doc = blowingUp(null);
    const s = stepper(doc);
    stepUntilDiverged(s, 5000);
    expect(s.state.stepper.divergence?.rule).toMatch(/^nonfinite-/);
    expect(stepEpoch(s.state)).toBe(trainerStop(doc));
    expect(stepEpoch(s.state)).toBeGreaterThan(trainerStop(blowingUp()));
  });

  it('a curve whose first loss came before this stepping run (a loaded history) → growth is measured from the run’s own first step', () => {
    const doc = { ...blowingUp(), history: { epochs: 1, loss: [1e-9], trail: [] } };
    const t = trainerRun(doc);
    const s = stepper(doc);
    stepUntilDiverged(s);
    expect(s.state.stepper.divergence).toMatchObject({ epoch: 1 + (t.divergence?.epoch ?? NaN) + 1, rule: 'loss-growth', firstLoss: t.history[0] });
  });

  it('session.resetStepper() between steps → the next step starts a new stepping run: growth from its loss', () => {
    const doc = blowingUp();
    const s = stepper(doc);
    s.stepTrainingStep();
    s.stepTrainingStep();
    s.resetStepper();
    stepUntilDiverged(s);
    const losses = lossSeries(curveOf(s.state)).loss;
    expect(s.state.stepper.divergence?.firstLoss).toBe(losses[2]);
    expect(s.state.stepper.divergence?.firstLoss).not.toBe(losses[0]);
  });

  it('an edit of what the steps compute from (the learning rate) → a new stepping run: growth from its first step, and back to where that step started', () => {
    const s = stepper(blowingUp(undefined, 0.5));
    for (let k = 0; k < 3; k++) s.stepTrainingStep();
    s.edit('lr', (d) => void (d.training.optimizer.lr = 50));
    const edited = s.state.history.present;
    stepUntilDiverged(s);
    const d = s.state.stepper.divergence;
    expect(d).toMatchObject({ epoch: 5, lastGoodEpoch: 4 });
    expect(d?.firstLoss).toBe(lossSeries(curveOf(s.state)).loss[3]);
    expect(linearParams(s.state.history.present)).toEqual(linearParams(edited));
    expect(s.state.history.present.optimizerState).toBe(edited.optimizerState);
  });

  it('session.resetStepper() after a divergence → stepping goes on from the restored parameters as a new run', () => {
    const doc = blowingUp();
    const at = trainerStop(doc);
    const s = stepper(doc);
    stepUntilDiverged(s);
    s.resetStepper();
    expect(s.state.stepper.divergence).toBeNull();
    s.stepTrainingStep();
    expect(s.state.history.past.at(-1)?.label).toBe(`Step ${at + 1}`);
  });
});
