import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, lossWeights, opErrors, runOp, shapeArb } from '../testing/opHarness';
import { sizeOf } from '../tensor/shape';

const gradOf = (x: number[], shape: number[] = [x.length], attrs: Record<string, number | boolean | null> = {}) => {
  const p = compileLoss({ op: 'max', attrs, inputs: { x: lit(shape, x) } });
  p.forward();
  p.backward();
  return Array.from(p.grad(leafId('x'))?.data ?? []);
};

describe('max', () => {
  it('max([1,5,3]) is the scalar 5', () => {
    const y = runOp({ op: 'max', inputs: { x: lit([3], [1, 5, 3]) } });
    expect(y.shape).toEqual([]);
    expect(Array.from(y.data)).toEqual([5]);
  });

  it('max([[1,-2],[7,3]]) is 7 and max of the scalar -4 is -4', () => {
    expect(Array.from(runOp({ op: 'max', inputs: { x: lit([2, 2], [1, -2, 7, 3]) } }).data)).toEqual([7]);
    expect(Array.from(runOp({ op: 'max', inputs: { x: lit([], [-4]) } }).data)).toEqual([-4]);
  });

  it('max([-Infinity, -Infinity]) is -Infinity', () => {
    expect(Array.from(runOp({ op: 'max', inputs: { x: lit([2], [-Infinity, -Infinity]) } }).data)).toEqual([-Infinity]);
  });

  it('max([1,5,3]) sends the whole gradient to the maximum', () => {
    expect(gradOf([1, 5, 3])).toEqual([0, lossWeights(1)[0], 0]);
  });

  it('max([2,2,1]) splits the gradient evenly between tied maxima, as PyTorch', () => {
    const [w] = lossWeights(1);
    expect(gradOf([2, 2, 1])).toEqual([w / 2, w / 2, 0]);
  });

  it('max([1,NaN,3]) and max([NaN,1]) are NaN', () => {
    expect(Array.from(runOp({ op: 'max', inputs: { x: lit([3], [1, NaN, 3]) } }).data)).toEqual([NaN]);
    expect(Array.from(runOp({ op: 'max', inputs: { x: lit([2], [NaN, 1]) } }).data)).toEqual([NaN]);
    expect(Array.from(runOp({ op: 'max', inputs: { x: lit([3], [5, 4, NaN]) } }).data)).toEqual([NaN]);
  });

  it('max([1,NaN,3]) sends the gradient to the NaN element', () => {
    expect(gradOf([1, NaN, 3])).toEqual([0, lossWeights(1)[0], 0]);
  });

  it('max gradient matches central differences on random shapes of rank 0..4 with distinct values', () => {
    const arb = shapeArb().chain((s) =>
      fc
        .uniqueArray(fc.integer({ min: -300, max: 300 }), { minLength: sizeOf(s), maxLength: sizeOf(s) })
        .map((ints) => lit(s, ints.map((v) => v / 100))),
    );
    fc.assert(
      fc.property(arb, (x) => {
        expect(gradientMismatches({ op: 'max', inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });

  it('max([[1,5,3],[7,2,7]], axis = 1) is [5,7], and axis = 0 with keepdim is [[7,5,7]]', () => {
    const x = lit([2, 3], [1, 5, 3, 7, 2, 7]);
    const rows = runOp({ op: 'max', attrs: { axis: 1 }, inputs: { x } });
    expect(rows.shape).toEqual([2]);
    expect(Array.from(rows.data)).toEqual([5, 7]);
    const cols = runOp({ op: 'max', attrs: { axis: 0, keepdim: true }, inputs: { x } });
    expect(cols.shape).toEqual([1, 3]);
    expect(Array.from(cols.data)).toEqual([7, 5, 7]);
  });

  it('max of [2,3] with keepdim and no axis is [[7]] with shape [1,1]', () => {
    const y = runOp({ op: 'max', attrs: { keepdim: true }, inputs: { x: lit([2, 3], [1, 5, 3, 7, 2, 7]) } });
    expect(y.shape).toEqual([1, 1]);
    expect(Array.from(y.data)).toEqual([7]);
  });

  it('max(x, axis = 1) sends each row\'s gradient to its first maximum only, as torch.max(x, dim) does', () => {
    const [w0, w1] = lossWeights(2);
    expect(gradOf([1, 5, 5, 7, 7, 7], [2, 3], { axis: 1 })).toEqual([0, w0, 0, w1, 0, 0]);
  });

  it('max along an axis is NaN where its slice holds a NaN, and the first NaN takes the gradient', () => {
    const y = runOp({ op: 'max', attrs: { axis: -1 }, inputs: { x: lit([2, 3], [1, NaN, NaN, 2, 3, 1]) } });
    expect(Array.from(y.data)).toEqual([NaN, 3]);
    const [w0, w1] = lossWeights(2);
    expect(gradOf([1, NaN, NaN, 2, 3, 1], [2, 3], { axis: -1 })).toEqual([0, w0, 0, 0, w1, 0]);
  });

  it('max of the scalar 4 along axis 0 is 4', () => {
    expect(Array.from(runOp({ op: 'max', attrs: { axis: 0 }, inputs: { x: lit([], [4]) } }).data)).toEqual([4]);
  });

  it('max along an empty axis is a shape_mismatch, and along a non-empty one of an empty tensor an empty result', () => {
    const errors = opErrors({ op: 'max', attrs: { axis: 1 }, inputs: { x: lit([2, 0], []) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('along axis 1 has no value');
    expect(runOp({ op: 'max', attrs: { axis: 0 }, inputs: { x: lit([2, 0], []) } }).shape).toEqual([0]);
    expect(opErrors({ op: 'max', attrs: { axis: 2 }, inputs: { x: lit([2, 3], [1, 2, 3, 4, 5, 6]) } })[0].message).toContain('axis 2 is out of range');
  });

  it('max gradient along any axis matches central differences on random shapes with distinct values, with and without keepdim', () => {
    const arb = shapeArb({ minRank: 1 }).chain((s) =>
      fc.tuple(
        fc.uniqueArray(fc.integer({ min: -300, max: 300 }), { minLength: sizeOf(s), maxLength: sizeOf(s) }).map((ints) => lit(s, ints.map((v) => v / 100))),
        fc.integer({ min: -s.length, max: s.length - 1 }),
        fc.boolean(),
      ),
    );
    fc.assert(
      fc.property(arb, ([x, axis, keepdim]) => {
        expect(gradientMismatches({ op: 'max', attrs: { axis, keepdim }, inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
