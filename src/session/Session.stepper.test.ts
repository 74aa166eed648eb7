import { describe, expect, it } from 'vitest';
import { fileToGraph, type GraphFile, Trainer } from '../../engine';
import { example, reusedParameter } from '../stepper/testGraphs';
import { Session, stepEpoch } from './Session';

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

/** The linear-regression example at a learning rate that makes it blow up. */
function blowingUp(divergenceFactor?: number | null): GraphFile {
  const doc = example('linear-regression-module');
  return { ...doc, training: { ...doc.training, optimizer: { type: 'sgd', lr: 0.5 }, ...(divergenceFactor === undefined ? {} : { divergenceFactor }) } };
}

/** The training step (1-based) at which the engine's Trainer stops the same document. */
function trainerStop(doc: GraphFile): number {
  const t = new Trainer(fileToGraph(doc), { ...doc.training, epochs: 10_000 });
  while (!t.divergence) t.epoch();
  return t.divergence.epoch + 1;
}

describe('Session step-through and the divergence rule', () => {
  it('stepping training steps → stops at the step the Trainer stops at, with the rule; the document keeps the step before', () => {
    const doc = blowingUp();
    const at = trainerStop(doc);
    expect(at).toBeGreaterThan(2);
    const s = stepper(doc);
    for (let k = 0; k < 1000 && s.state.stepper.divergence === null; k++) s.stepTrainingStep();
    expect(stepEpoch(s.state)).toBe(at);
    expect(s.state.stepper.divergence).toMatchObject({ epoch: at, rule: 'loss-growth', nodes: [doc.loss] });
    expect(s.state.history.past).toHaveLength(at - 1);
    const update = s.state.stepper.events.find((e) => e.type === 'update' && e.param === 'weight');
    const kept = s.state.history.present.nodes.find((n) => n.id === 'linear')?.params?.weight.data;
    expect(update?.type === 'update' && Array.from(update.before.data)).toEqual(kept);
    expect(s.state.compiled.program!.params[0].value[0]).toBe(kept?.[0]);
    s.stepTrainingStep();
    s.step();
    s.stepPhase();
    expect(stepEpoch(s.state)).toBe(at);
    // Reset drops the broken step; stepping starts again from the document.
    s.resetStepper();
    expect(s.state.stepper.divergence).toBeNull();
    s.stepTrainingStep();
    expect(s.state.history.past.at(-1)?.label).toBe(`Step ${at - 1}`);
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
    for (let k = 0; k < 5000 && s.state.stepper.divergence === null; k++) s.stepTrainingStep();
    expect(s.state.stepper.divergence?.rule).toMatch(/^nonfinite-/);
    expect(stepEpoch(s.state)).toBe(trainerStop(doc));
    expect(stepEpoch(s.state)).toBeGreaterThan(trainerStop(blowingUp()));
  });
});
