import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { EngineError } from '../exec/program';
import { leafValue } from '../testing/opHarness';

describe('constant', () => {
  it('constant tensor [3] of [1,-2,NaN] has those values and never a gradient', () => {
    const node = { id: 'c', op: 'constant', value: { type: 'tensor' as const, shape: [3], data: [1, -2, NaN] } };
    expect(Array.from(leafValue(node).data)).toEqual([1, -2, NaN]);
    expect(compile({ nodes: [node], edges: [] }).program?.grad('c')).toBeNull();
  });

  it('constant arange(0, 3, 1) is [0, 1, 2]', () => {
    expect(Array.from(leafValue({ id: 'c', op: 'constant', value: { type: 'arange', start: 0, end: 3, step: 1 } }).data)).toEqual([0, 1, 2]);
  });

  it('a loss computed from constants only cannot run backward: nothing requires grad', () => {
    const r = compile({
      nodes: [
        { id: 'c', op: 'constant', value: { type: 'tensor', shape: [2], data: [1, 2] } },
        { id: 'loss', op: 'sum' },
      ],
      edges: [{ source: 'c', target: 'loss', targetPort: 'x' }],
      loss: 'loss',
    });
    const p = r.program;
    expect(p).not.toBeNull();
    p?.forward();
    expect(p?.lossValue()).toBe(3);
    expect(() => p?.backward()).toThrow(EngineError);
  });
});
