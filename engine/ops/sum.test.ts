import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, litArb, lossWeights, opErrors, runOp, shapeArb } from '../testing/opHarness';

const x23 = lit([2, 3], [1, 2, 3, 4, 5, 6]);

describe('sum', () => {
  it('sum([[1,2,3],[4,5,6]]) is the scalar 21', () => {
    const y = runOp({ op: 'sum', inputs: { x: x23 } });
    expect(y.shape).toEqual([]);
    expect(Array.from(y.data)).toEqual([21]);
  });

  it('sum([[1,2,3],[4,5,6]], axis = 0) is [5,7,9]', () => {
    const y = runOp({ op: 'sum', attrs: { axis: 0 }, inputs: { x: x23 } });
    expect(y.shape).toEqual([3]);
    expect(Array.from(y.data)).toEqual([5, 7, 9]);
  });

  it('sum([[1,2,3],[4,5,6]], axis = 1, keepdim) is [[6],[15]], and axis = -1 is [6,15]', () => {
    const kept = runOp({ op: 'sum', attrs: { axis: 1, keepdim: true }, inputs: { x: x23 } });
    expect(kept.shape).toEqual([2, 1]);
    expect(Array.from(kept.data)).toEqual([6, 15]);
    const last = runOp({ op: 'sum', attrs: { axis: -1 }, inputs: { x: x23 } });
    expect(last.shape).toEqual([2]);
    expect(Array.from(last.data)).toEqual([6, 15]);
  });

  it('sum of [2,3] with keepdim and no axis has shape [1,1]', () => {
    const y = runOp({ op: 'sum', attrs: { keepdim: true }, inputs: { x: x23 } });
    expect(y.shape).toEqual([1, 1]);
    expect(Array.from(y.data)).toEqual([21]);
  });

  it('sum(arange(12) as [2,3,2], axis = 1) is [[6,9],[24,27]]', () => {
    const y = runOp({ op: 'sum', attrs: { axis: 1 }, inputs: { x: lit([2, 3, 2], Array.from({ length: 12 }, (_, i) => i)) } });
    expect(y.shape).toEqual([2, 2]);
    expect(Array.from(y.data)).toEqual([6, 9, 24, 27]);
  });

  it('sum of an empty [0] tensor is 0', () => {
    expect(Array.from(runOp({ op: 'sum', inputs: { x: lit([0], []) } }).data)).toEqual([0]);
  });

  it('sum of [2,3] with axis = 2 is a shape_mismatch naming the axis and rank', () => {
    const errors = opErrors({ op: 'sum', attrs: { axis: 2 }, inputs: { x: x23 } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('axis 2');
    expect(errors[0].message).toContain('rank 2');
  });

  it('sum([1,NaN,3]) is NaN, and sum([[1,NaN],[2,3]], axis = 1) is [NaN,5]', () => {
    expect(Array.from(runOp({ op: 'sum', inputs: { x: lit([3], [1, NaN, 3]) } }).data)).toEqual([NaN]);
    expect(Array.from(runOp({ op: 'sum', attrs: { axis: 1 }, inputs: { x: lit([2, 2], [1, NaN, 2, 3]) } }).data)).toEqual([NaN, 5]);
  });

  it('sum([[1,2,3],[4,5,6]], axis = 0) broadcasts g back over the reduced axis', () => {
    const p = compileLoss({ op: 'sum', attrs: { axis: 0 }, inputs: { x: x23 } });
    p.forward();
    p.backward();
    const w = lossWeights(3);
    expect(Array.from(p.grad(leafId('x'))?.data ?? [])).toEqual([...w, ...w]);
  });

  it('sum gradient matches central differences on random shapes of rank 0..4, any axis, with and without keepdim', () => {
    const arb = shapeArb().chain((s) =>
      fc.tuple(litArb(s), fc.option(fc.integer({ min: -Math.max(s.length, 1), max: Math.max(s.length, 1) - 1 })), fc.boolean()),
    );
    fc.assert(
      fc.property(arb, ([x, axis, keepdim]) => {
        expect(gradientMismatches({ op: 'sum', attrs: { axis, keepdim }, inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
