import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, lossWeights, randomLitArb, runOp } from '../testing/opHarness';

describe('neg', () => {
  it('neg([1,-2,0.5]) is [-1,2,-0.5]', () => {
    expect(Array.from(runOp({ op: 'neg', inputs: { x: lit([3], [1, -2, 0.5]) } }).data)).toEqual([-1, 2, -0.5]);
  });

  it('neg of the scalar 3 is the scalar -3', () => {
    const y = runOp({ op: 'neg', inputs: { x: lit([], [3]) } });
    expect(y.shape).toEqual([]);
    expect(Array.from(y.data)).toEqual([-3]);
  });

  it('neg([1,2]) has gradient −g', () => {
    const p = compileLoss({ op: 'neg', inputs: { x: lit([2], [1, 2]) } });
    p.forward();
    p.backward();
    expect(Array.from(p.grad(leafId('x'))?.data ?? [])).toEqual(lossWeights(2).map((w) => -w));
  });

  it('neg([NaN, Infinity]) is [NaN, -Infinity]', () => {
    expect(Array.from(runOp({ op: 'neg', inputs: { x: lit([2], [NaN, Infinity]) } }).data)).toEqual([NaN, -Infinity]);
  });

  it('neg gradient matches central differences on random shapes of rank 0..4', () => {
    fc.assert(
      fc.property(randomLitArb(), (x) => {
        expect(gradientMismatches({ op: 'neg', inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
