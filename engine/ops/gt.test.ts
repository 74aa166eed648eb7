import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { compileLoss, leafId, lit, opGraph, OP_ID, runOp } from '../testing/opHarness';

describe('gt', () => {
  it('gt([1, 2, NaN, 3], [1, 1, 0, NaN]) is [0, 1, 0, 0]: a comparison with NaN is false', () => {
    const y = runOp({ op: 'gt', inputs: { a: lit([4], [1, 2, NaN, 3]), b: lit([4], [1, 1, 0, NaN]) } });
    expect(Array.from(y.data)).toEqual([0, 1, 0, 0]);
  });

  it('gt(probabilities) with c = 0.5 marks those above one half; it broadcasts like torch.gt', () => {
    expect(Array.from(runOp({ op: 'gt', attrs: { c: 0.5 }, inputs: { a: lit([4], [0.2, 0.5, 0.51, 0.9]) } }).data)).toEqual([0, 0, 1, 1]);
    const y = runOp({ op: 'gt', inputs: { a: lit([2, 1], [1, 2]), b: lit([2], [0, 1.5]) } });
    expect(y.shape).toEqual([2, 2]);
    expect(Array.from(y.data)).toEqual([1, 0, 1, 1]);
  });

  it('gt carries no gradient even when its input requires one, as torch.gt', () => {
    const inputs = { a: lit([2], [1, 2], true) };
    const { program } = compile(opGraph({ op: 'gt', attrs: { c: 1.5 }, inputs }));
    expect(program?.slot(leafId('a')).grad).not.toBeNull();
    expect(program?.slot(OP_ID).grad).toBeNull();
    const p = compileLoss({ op: 'gt', attrs: { c: 1.5 }, inputs });
    p.forward();
    expect(() => p.backward()).toThrow("'loss' does not depend on anything that requires grad");
  });
});
