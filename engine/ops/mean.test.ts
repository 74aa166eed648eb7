import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, litArb, lossWeights, opErrors, runOp, shapeArb } from '../testing/opHarness';

const x23 = lit([2, 3], [1, 2, 3, 4, 5, 6]);

describe('mean', () => {
  it('mean([[1,2,3],[4,5,6]]) is the scalar 3.5', () => {
    const y = runOp({ op: 'mean', inputs: { x: x23 } });
    expect(y.shape).toEqual([]);
    expect(Array.from(y.data)).toEqual([3.5]);
  });

  it('mean([[1,2,3],[4,5,6]], axis = 0) is [2.5,3.5,4.5]', () => {
    expect(Array.from(runOp({ op: 'mean', attrs: { axis: 0 }, inputs: { x: x23 } }).data)).toEqual([2.5, 3.5, 4.5]);
  });

  it('mean([[1,2,3],[4,5,6]], axis = -1, keepdim) is [[2],[5]]', () => {
    const y = runOp({ op: 'mean', attrs: { axis: -1, keepdim: true }, inputs: { x: x23 } });
    expect(y.shape).toEqual([2, 1]);
    expect(Array.from(y.data)).toEqual([2, 5]);
  });

  it('mean of an empty [0] tensor is NaN, as in PyTorch', () => {
    expect(Array.from(runOp({ op: 'mean', inputs: { x: lit([0], []) } }).data)).toEqual([NaN]);
  });

  it('mean of [2,3] with axis = -3 is a shape_mismatch naming the axis and rank', () => {
    const errors = opErrors({ op: 'mean', attrs: { axis: -3 }, inputs: { x: x23 } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('axis -3');
    expect(errors[0].message).toContain('rank 2');
  });

  it('mean([1,NaN]) is NaN, and mean([[NaN,1],[2,4]], axis = 1) is [NaN,3]', () => {
    expect(Array.from(runOp({ op: 'mean', inputs: { x: lit([2], [1, NaN]) } }).data)).toEqual([NaN]);
    expect(Array.from(runOp({ op: 'mean', attrs: { axis: 1 }, inputs: { x: lit([2, 2], [NaN, 1, 2, 4]) } }).data)).toEqual([NaN, 3]);
  });

  it('mean([[1,2,3],[4,5,6]], axis = 1) spreads g/3 over each row', () => {
    const p = compileLoss({ op: 'mean', attrs: { axis: 1 }, inputs: { x: x23 } });
    p.forward();
    p.backward();
    const [w0, w1] = lossWeights(2);
    expect(Array.from(p.grad(leafId('x'))?.data ?? [])).toEqual([w0 / 3, w0 / 3, w0 / 3, w1 / 3, w1 / 3, w1 / 3]);
  });

  it('mean gradient matches central differences on random shapes of rank 0..4, any axis, with and without keepdim', () => {
    const arb = shapeArb().chain((s) =>
      fc.tuple(litArb(s), fc.option(fc.integer({ min: -Math.max(s.length, 1), max: Math.max(s.length, 1) - 1 })), fc.boolean()),
    );
    fc.assert(
      fc.property(arb, ([x, axis, keepdim]) => {
        expect(gradientMismatches({ op: 'mean', attrs: { axis, keepdim }, inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
