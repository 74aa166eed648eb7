import { describe, expect, it } from 'vitest';
import { compositeFunction } from './examples/compositeFunction';
import { copySnapshot, Session, SessionError } from './session';

const xs = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);
const node = (s: Session, id: string) => s.getSnapshot().nodes.find((n) => n.id === id)!;

describe('Session', () => {
  it('new Session(compositeFunction) is evaluated, with every .grad None', () => {
    const s = new Session(compositeFunction);
    const snap = s.getSnapshot();
    expect(snap.nodes.map((n) => `${n.id}:${n.op}`)).toEqual(['x:input', 'square:square', 'scale:scale', 'y:add', 'z:sum']);
    expect(node(s, 'z')).toMatchObject({ shape: [], value: [85], grad: null });
    expect(node(s, 'x')).toMatchObject({ shape: [17], value: xs, grad: null });
    expect(snap).toMatchObject({ loss: 'z', hasGrad: false, backwardsSinceZero: 0 });
  });

  it('backward() twice accumulates 4x then 8x; zeroGrad() zeroes it', () => {
    const s = new Session(compositeFunction);
    s.backward();
    expect(node(s, 'x').grad).toEqual(xs.map((x) => 4 * x));
    expect(node(s, 'z').grad).toEqual([1]);
    s.backward();
    expect(node(s, 'x').grad).toEqual(xs.map((x) => 8 * x));
    expect(s.getSnapshot().backwardsSinceZero).toBe(2);
    s.zeroGrad();
    expect(node(s, 'x').grad).toEqual(xs.map(() => 0));
    expect(s.getSnapshot()).toMatchObject({ hasGrad: true, backwardsSinceZero: 0 });
  });

  it('getSnapshot() is stable until a change, and subscribe() hears each change', () => {
    const s = new Session(compositeFunction);
    let calls = 0;
    const unsubscribe = s.subscribe(() => calls++);
    const before = s.getSnapshot();
    expect(s.getSnapshot()).toBe(before);
    s.backward();
    expect(s.getSnapshot()).not.toBe(before);
    unsubscribe();
    s.zeroGrad();
    expect(calls).toBe(1);
  });

  it('getSnapshot() is frozen and copies the engine buffers', () => {
    const s = new Session(compositeFunction);
    s.backward();
    const snap = s.getSnapshot();
    expect(Object.isFrozen(snap.nodes[0].value)).toBe(true);
    s.backward();
    expect(snap.nodes[0].grad).toEqual(xs.map((x) => 4 * x));
  });

  it('copySnapshot() shares nothing: mutating the copy leaves the session unchanged', () => {
    const s = new Session(compositeFunction);
    const copy = copySnapshot(s.getSnapshot());
    (copy.nodes[0].value as number[])[0] = 1000;
    (copy.nodes as unknown[]).length = 0;
    expect(node(s, 'x').value[0]).toBe(-2);
    expect(s.getSnapshot().nodes).toHaveLength(5);
  });

  it('new Session(graph with a missing input) throws SessionError naming the port', () => {
    const broken = { nodes: [{ id: 's', op: 'square' }], edges: [], loss: 's' };
    expect(() => new Session(broken)).toThrow(SessionError);
    expect(() => new Session(broken)).toThrow(/s\.x is not connected/);
  });
});
