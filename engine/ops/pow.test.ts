import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, awayFromZeroArb, compileLoss, gradientMismatches, leafId, lit, lossWeights, randomLitArb, realArb, runOp } from '../testing/opHarness';

const powOf = (x: number[], p: number) => Array.from(runOp({ op: 'pow', attrs: { p }, inputs: { x: lit([x.length], x) } }).data);

describe('pow', () => {
  it('pow([1,-2,3], p = 2) is [1,4,9] (the default p)', () => {
    expect(Array.from(runOp({ op: 'pow', inputs: { x: lit([3], [1, -2, 3]) } }).data)).toEqual([1, 4, 9]);
  });

  it('pow([-2, 3], p = 3) is [-8, 27]', () => {
    expect(powOf([-2, 3], 3)).toEqual([-8, 27]);
  });

  it('pow([4, 0.25], p = 0.5) is [2, 0.5] and p = -0.5 gives [0.5, 2]', () => {
    expect(powOf([4, 0.25], 0.5)).toEqual([2, 0.5]);
    expect(powOf([4, 0.25], -0.5)).toEqual([0.5, 2]);
  });

  it('pow([2, -4], p = -1) is [0.5, -0.25] and p = -2 gives [0.25, 0.0625]', () => {
    expect(powOf([2, -4], -1)).toEqual([0.5, -0.25]);
    expect(powOf([2, -4], -2)).toEqual([0.25, 0.0625]);
  });

  it('pow([4], p = 1.5) is [8]', () => {
    expect(powOf([4], 1.5)[0]).toBeCloseTo(8, 14);
  });

  it('pow([-8], p = 1/3) is NaN (a negative base with a non-integer power), as in PyTorch', () => {
    expect(powOf([-8], 1 / 3)).toEqual([NaN]);
  });

  it('pow([NaN, 2], p = 2) is [NaN, 4], while p = 0 gives [1, 1] as PyTorch does', () => {
    expect(powOf([NaN, 2], 2)).toEqual([NaN, 4]);
    expect(powOf([NaN, 2], 0)).toEqual([1, 1]);
  });

  it('pow([3, -1], p = 0) has gradient exactly 0', () => {
    const p = compileLoss({ op: 'pow', attrs: { p: 0 }, inputs: { x: lit([2], [3, -1]) } });
    p.forward();
    p.backward();
    expect(Array.from(p.grad(leafId('x'))?.data ?? [])).toEqual([0, 0]);
  });

  it('pow([2, -1], p = 3) has gradient 3x²·g', () => {
    const p = compileLoss({ op: 'pow', attrs: { p: 3 }, inputs: { x: lit([2], [2, -1]) } });
    p.forward();
    p.backward();
    const w = lossWeights(2);
    expect(Array.from(p.grad(leafId('x'))?.data ?? [])).toEqual([12 * w[0], 3 * w[1]]);
  });

  it('pow gradient p·xᵖ⁻¹ matches central differences for integer p in -2..3 on random shapes with x away from 0', () => {
    fc.assert(
      fc.property(randomLitArb(awayFromZeroArb(0.3, 2)), fc.integer({ min: -2, max: 3 }), (x, p) => {
        expect(gradientMismatches({ op: 'pow', attrs: { p }, inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });

  it('pow gradient matches central differences for non-integer p on random shapes with x in [0.2, 3]', () => {
    const pArb = fc.oneof(fc.constantFrom(0.5, -0.5, 1.5), fc.double({ min: -2.5, max: 2.5, noNaN: true }));
    fc.assert(
      fc.property(randomLitArb(realArb(0.2, 3)), pArb, (x, p) => {
        expect(gradientMismatches({ op: 'pow', attrs: { p }, inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
