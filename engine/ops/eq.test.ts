import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { compileLoss, leafId, lit, opGraph, OP_ID, runOp } from '../testing/opHarness';

describe('eq', () => {
  it('eq([1, 2, NaN, -0], [1, 3, NaN, 0]) is [1, 0, 0, 1]: NaN equals nothing, −0 equals 0', () => {
    const y = runOp({ op: 'eq', inputs: { a: lit([4], [1, 2, NaN, -0]), b: lit([4], [1, 3, NaN, 0]) } });
    expect(Array.from(y.data)).toEqual([1, 0, 0, 1]);
  });

  it('eq broadcasts a row against a column, and compares with c when b is unconnected', () => {
    const y = runOp({ op: 'eq', inputs: { a: lit([2, 1], [1, 2]), b: lit([3], [2, 1, 2]) } });
    expect(y.shape).toEqual([2, 3]);
    expect(Array.from(y.data)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(Array.from(runOp({ op: 'eq', attrs: { c: 2 }, inputs: { a: lit([3], [2, 1, 2]) } }).data)).toEqual([1, 0, 1]);
  });

  it('the accuracy of predicted classes: mean(eq(classes, labels)) = 0.75', () => {
    const y = runOp({ op: 'eq', inputs: { a: lit([4], [0, 2, 1, 1]), b: lit([4], [0, 2, 1, 0]) } });
    expect(y.data.reduce((s, v) => s + v, 0) / y.data.length).toBe(0.75);
  });

  it('eq carries no gradient even when both inputs require one, as torch.eq; a loss on it alone cannot run backward', () => {
    const inputs = { a: lit([2], [1, 2], true), b: lit([2], [1, 3], true) };
    const { program } = compile(opGraph({ op: 'eq', inputs }));
    expect(program?.slot(leafId('a')).grad).not.toBeNull();
    expect(program?.slot(OP_ID).grad).toBeNull();
    const p = compileLoss({ op: 'eq', inputs });
    p.forward();
    expect(() => p.backward()).toThrow("'loss' does not depend on anything that requires grad");
  });

  it('in float32 eq compares with c rounded to float32, as torch.eq(x, 0.1) does on a float32 tensor', () => {
    const graph = { ...opGraph({ op: 'eq', attrs: { c: 0.1 }, inputs: { a: lit([2], [0.1, Math.fround(0.1)]) } }), dtype: 'float32' as const };
    const { program } = compile(graph);
    program?.forward();
    expect(Array.from(program?.slot(OP_ID).value ?? [])).toEqual([1, 1]);
  });
});
