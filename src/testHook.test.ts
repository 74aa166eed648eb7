import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraphFile } from '../engine';
import { Session } from './session/Session';
import { installTestHook, readSnapshot, type TestHook } from './testHook';

const xs = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);

function setup() {
  const r = loadGraphFile(readFileSync(new URL('../public/examples/composite-function.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  const session = new Session({ doc: r.file, selection: ['x'], viewport: { x: 1, y: 2, zoom: 1 } });
  const target: { gradcanvas?: TestHook } = {};
  installTestHook(target, () => readSnapshot(session.state, 'en'));
  return { session, hook: target.gradcanvas!, target, file: r.file };
}

describe('readSnapshot', () => {
  it('snapshot() has the document as the file format writes it, and every node evaluated', () => {
    const { hook, file } = setup();
    const s = hook.snapshot();
    expect(s.document).toEqual(JSON.parse(JSON.stringify(file)));
    expect(s.nodes.z).toEqual({ shape: [], value: [85], grad: null });
    expect(s.nodes.x.value).toEqual(xs);
    expect(s).toMatchObject({ selection: ['x'], viewport: { x: 1, y: 2, zoom: 1 }, backwardCount: 0, lang: 'en', problems: [], lossHistory: [], trail: [] });
  });

  it('snapshot() after backward shows x.grad = 4x and the count', () => {
    const { hook, session } = setup();
    session.backward();
    const s = hook.snapshot();
    expect(s.nodes.x.grad).toEqual(xs.map((x) => 4 * x));
    expect(s.nodes.z.grad).toEqual([1]);
    expect(s.backwardCount).toBe(1);
    session.zeroGrad();
    expect(hook.snapshot().nodes.x.grad).toEqual(xs.map(() => 0));
  });

  it('snapshot() after a stepped training step → the curve, the step-through and the undo label', () => {
    const { hook, session } = setup();
    session.stepTrainingStep();
    const s = hook.snapshot();
    expect(s.lossHistory).toEqual([85]);
    expect(s.lossEpochs).toEqual([1]);
    expect(s.stepper).toMatchObject({ epoch: 1, committed: true });
    expect(s.history.undo).toEqual(['Step 1']);
    expect(s.document.history).toMatchObject({ epochs: 1, loss: [85] });
  });

  it('snapshot() lists undo and redo labels', () => {
    const { hook, session } = setup();
    session.edit('move x', (d) => void (d.nodes[0].position.x = 5));
    session.edit('move z', (d) => void (d.nodes[4].position.x = 5));
    session.undo();
    expect(hook.snapshot().history).toEqual({ undo: ['move x'], redo: ['move z'] });
  });
});

describe('installTestHook', () => {
  it('installTestHook(target).snapshot() returns fresh copies that cannot change the session', () => {
    const { hook, session } = setup();
    const a = hook.snapshot();
    a.nodes.x.value[0] = 99;
    a.document.nodes.length = 0;
    a.selection.push('z');
    const b = hook.snapshot();
    expect(b.nodes.x.value[0]).toBe(-2);
    expect(b.document.nodes).toHaveLength(5);
    expect(session.state.selection).toEqual(['x']);
    expect(session.state.compiled.program!.slot('x').value[0]).toBe(-2);
    expect(a).not.toBe(b);
  });

  it('installTestHook(target) cannot be overwritten or given new methods', () => {
    const { hook, target } = setup();
    expect(() => {
      target.gradcanvas = undefined;
    }).toThrow(TypeError);
    expect(Object.isFrozen(hook)).toBe(true);
    expect(target.gradcanvas).toBe(hook);
  });
});
