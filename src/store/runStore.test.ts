import { describe, expect, it } from 'vitest';
import type { GraphFile } from '../../engine/format/schema';
import { emptyDocument } from './edits';
import { createRunStore, runErrorOf } from './runStore';
import { EngineError } from '../../engine';

const at = { x: 0, y: 0 };
const doc: GraphFile = {
  ...emptyDocument(),
  nodes: [
    { id: 'x', op: 'input', position: at, value: { type: 'tensor', shape: [2], data: [1, 2] }, requiresGrad: true },
    { id: 'z', op: 'sum', position: at },
  ],
  edges: [{ source: 'x', target: 'z', targetPort: 'x' }],
  loss: 'z',
};

describe('runStore', () => {
  it('sync(a document that breaks before compile) does not throw: it becomes an internal run error', () => {
    const store = createRunStore();
    expect(() => store.getState().sync({} as GraphFile)).not.toThrow();
    const { runError, program } = store.getState();
    expect(runError?.internal).toBe(true);
    expect(program).toBeNull();
    // The next good document runs as usual.
    store.getState().sync(doc);
    expect(store.getState().runError).toBeNull();
    expect(Array.from(store.getState().program?.value('z').data ?? [])).toEqual([3]);
  });

  it('forward and backward that throw a non-engine error become an internal run error, not an exception', () => {
    const store = createRunStore();
    store.getState().sync(doc);
    const program = store.getState().program;
    if (!program) throw new Error('no program');
    program.backward = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'data')");
    };
    expect(() => store.getState().backward('z')).not.toThrow();
    expect(store.getState().runError).toEqual({ message: "TypeError: Cannot read properties of undefined (reading 'data')", internal: true });
    expect(store.getState().backwardCount).toBe(0);
  });

  it('runErrorOf(an EngineError) keeps its message and node and is not internal', () => {
    expect(runErrorOf(new EngineError('runtime', 'y: the value is nan', 'y'))).toEqual({ node: 'y', message: 'y: the value is nan' });
    expect(runErrorOf('boom')).toEqual({ message: 'boom', internal: true });
  });
});
