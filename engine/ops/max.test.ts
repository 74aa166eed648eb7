import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, lossWeights, runOp, shapeArb } from '../testing/opHarness';
import { sizeOf } from '../tensor/shape';

const gradOf = (x: number[]) => {
  const p = compileLoss({ op: 'max', inputs: { x: lit([x.length], x) } });
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
});
