import { describe, expect, it } from 'vitest';
import { Trainer } from '../../engine';
import { fileToGraph } from '../../engine/format/convert';
import type { GraphFile } from '../../engine/format/schema';
import { createStepperStore } from './stepperStore';
import { example, reusedParameter } from './testGraphs';

const XS = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);

function stepper(doc = example('composite-function')) {
  const s = createStepperStore(null);
  s.getState().sync(doc);
  return s;
}

describe('stepperStore', () => {
  it('step shows the forward values in topological order', () => {
    const s = stepper();
    const seen: string[] = [];
    for (let k = 0; k < 5; k++) {
      s.getState().step();
      const e = s.getState().events[s.getState().cursor];
      seen.push(e.node);
    }
    expect(seen).toEqual(['x', 'square', 'scale', 'y', 'z']);
    expect(s.getState().epoch).toBe(1);
    const z = XS.reduce((a, x) => a + 2 * x * x + 2, 0);
    expect(s.getState().nodes.get('z')!.value!.data[0]).toBeCloseTo(z, 9);
  });

  it('stepPhase finishes predict, then loss, then backward', () => {
    const s = stepper();
    s.getState().stepPhase();
    expect(s.getState().events[s.getState().cursor].node).toBe('y');
    s.getState().stepPhase();
    expect(s.getState().events[s.getState().cursor].node).toBe('z');
    s.getState().stepPhase();
    const st = s.getState();
    expect(st.events[st.cursor].phase).toBe('backward');
    expect(Array.from(st.nodes.get('x')!.grad!.data)).toEqual(XS.map((x) => 4 * x));
  });

  it('with zero grad off the leaf gradient grows each training step', () => {
    const s = stepper();
    s.getState().setZeroGrad(false);
    s.getState().stepTrainingStep();
    s.getState().stepTrainingStep();
    expect(s.getState().epoch).toBe(2);
    expect(s.getState().accumulated).toBe(2);
    expect(s.getState().nodes.get('x')!.grad!.data[0]).toBe(2 * 4 * -2);
    s.getState().setZeroGrad(true);
    s.getState().stepTrainingStep();
    expect(s.getState().nodes.get('x')!.grad!.data[0]).toBe(4 * -2);
  });

  it('update gives after = before − lr·grad, and the next step trains from it', () => {
    const s = stepper(reusedParameter());
    s.getState().stepTrainingStep();
    const st = s.getState();
    const up = st.events[st.cursor];
    expect(up.type).toBe('update');
    if (up.type !== 'update') return;
    // loss = Σ p² + p, so grad = 2p + 1.
    expect(Array.from(up.grad.data)).toEqual([3, -3]);
    expect(Array.from(up.after.data)).toEqual([1 - 0.1 * 3, -2 + 0.1 * 3]);
    const back = st.events.find((e) => e.type === 'backward' && e.node === 'p');
    expect(back?.type === 'backward' && back.contributions.length).toBe(3);
    s.getState().step();
    const next = s.getState().events[0];
    expect(next.type === 'forward' && Array.from(next.value.data)).toEqual([0.7, -1.7]);
    expect(s.getState().epoch).toBe(2);
  });

  it('back then step returns to the same views', () => {
    const s = stepper();
    s.getState().stepPhase();
    s.getState().step();
    const at = s.getState().cursor;
    const edges = s.getState().edges;
    s.getState().back();
    s.getState().back();
    s.getState().step();
    s.getState().step();
    expect(s.getState().cursor).toBe(at);
    expect([...s.getState().edges.keys()]).toEqual([...edges.keys()]);
  });

  it('a graph that does not compile reports an error instead of stepping', () => {
    const doc = example('composite-function');
    const s = stepper({ ...doc, edges: doc.edges.slice(1) });
    s.getState().step();
    expect(s.getState().error).not.toBeNull();
    expect(s.getState().events).toHaveLength(0);
  });

  it('reset drops the trained copy', () => {
    const s = stepper(reusedParameter());
    s.getState().stepTrainingStep();
    s.getState().reset();
    s.getState().step();
    const e = s.getState().events[0];
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

describe('stepperStore and the divergence rule', () => {
  it('stepping training steps → stops at the step the Trainer stops at, with the rule, and starts no further step', () => {
    const doc = blowingUp();
    const at = trainerStop(doc);
    expect(at).toBeGreaterThan(2);
    const s = stepper(doc);
    for (let k = 0; k < 1000 && s.getState().divergence === null; k++) s.getState().stepTrainingStep();
    expect(s.getState().epoch).toBe(at);
    expect(s.getState().divergence).toMatchObject({ epoch: at, rule: 'loss-growth', nodes: [doc.loss] });
    s.getState().stepTrainingStep();
    s.getState().step();
    s.getState().stepPhase();
    expect(s.getState().epoch).toBe(at);
    // Reset starts again from the document's parameters.
    s.getState().reset();
    expect(s.getState().divergence).toBeNull();
    s.getState().stepTrainingStep();
    expect(s.getState().epoch).toBe(1);
  });

  it('the step that breaks the rule plays out event by event; the message comes at its end', () => {
    const doc = blowingUp();
    const at = trainerStop(doc);
    const s = stepper(doc);
    for (let k = 1; k < at; k++) s.getState().stepTrainingStep();
    s.getState().step();
    expect(s.getState().epoch).toBe(at);
    while (s.getState().cursor < s.getState().events.length - 1) {
      expect(s.getState().divergence).toBeNull();
      s.getState().step();
    }
    expect(s.getState().divergence?.epoch).toBe(at);
  });

  it('playing at one step per frame → pauses when the rule fires', () => {
    const frames: ((t: number) => void)[] = [];
    const s = createStepperStore({ request: (cb) => frames.push(cb), cancel: () => undefined });
    const doc = blowingUp();
    s.getState().sync(doc);
    s.getState().setSpeed(7);
    s.getState().play();
    for (let t = 1; t < 1000 && frames.length > 0; t++) frames.shift()?.(t * 16);
    expect(s.getState().playing).toBe(false);
    expect(s.getState().divergence?.epoch).toBe(trainerStop(doc));
  });

  it('divergenceFactor null → stepping goes on past the growth and stops only at inf or nan', () => {
    const doc = blowingUp(null);
    const s = stepper(doc);
    for (let k = 0; k < 5000 && s.getState().divergence === null; k++) s.getState().stepTrainingStep();
    expect(s.getState().divergence?.rule).toMatch(/^nonfinite-/);
    expect(s.getState().epoch).toBe(trainerStop(doc));
    expect(s.getState().epoch).toBeGreaterThan(trainerStop(blowingUp()));
  });
});
