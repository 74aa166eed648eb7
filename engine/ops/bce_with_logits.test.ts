import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, litArb, lossWeights, opErrors, realArb, runOp, shapeArb } from '../testing/opHarness';

const bcel = (x: number[], t: number[], reduction = 'mean') =>
  runOp({ op: 'bce_with_logits', attrs: { reduction }, inputs: { input: lit([x.length], x), target: lit([t.length], t) } }).data[0];

describe('bce_with_logits', () => {
  it('bce_with_logits([0], [1]) is ln 2', () => {
    expect(bcel([0], [1])).toBeCloseTo(Math.LN2, 15);
  });

  it('bce_with_logits([ln 3], [1]) is ln(4/3) and bce_with_logits([ln 3], [0]) is ln 4', () => {
    expect(bcel([Math.log(3)], [1])).toBeCloseTo(Math.log(4 / 3), 15);
    expect(bcel([Math.log(3)], [0])).toBeCloseTo(Math.log(4), 15);
  });

  it("bce_with_logits([ln 3, 0], [1, 1], reduction = 'sum') is ln(4/3) + ln 2", () => {
    expect(bcel([Math.log(3), 0], [1, 1], 'sum')).toBeCloseTo(Math.log(4 / 3) + Math.LN2, 15);
  });

  it('bce_with_logits([1000, -1000], [0, 1]) is 1000 without overflow, and ([1000], [1]) is 0', () => {
    expect(bcel([1000, -1000], [0, 1])).toBe(1000);
    expect(bcel([1000], [1])).toBe(0);
  });

  it('bce_with_logits([ln 3], [0]) has gradient (σ(x) − t)·g = 0.75·g', () => {
    const p = compileLoss({ op: 'bce_with_logits', inputs: { input: lit([1], [Math.log(3)]), target: lit([1], [0]) } });
    p.forward();
    p.backward();
    expect(p.grad(leafId('input'))?.data[0]).toBeCloseTo(0.75 * lossWeights(1)[0], 15);
  });

  it('bce_with_logits of [3] and [1] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'bce_with_logits', inputs: { input: lit([3], [0, 0, 0]), target: lit([1], [1]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[3]');
    expect(errors[0].message).toContain('[1]');
  });

  it('bce_with_logits([NaN, 0], [1, 1]) and bce_with_logits([0], [NaN]) are NaN', () => {
    expect(bcel([NaN, 0], [1, 1])).toBeNaN();
    expect(bcel([0], [NaN])).toBeNaN();
  });

  it('bce_with_logits input gradient matches central differences on random shapes, mean and sum', () => {
    const arb = shapeArb().chain((s) => fc.tuple(litArb(s, realArb(-4, 4)), litArb(s, realArb(0, 1)), fc.constantFrom('mean', 'sum')));
    fc.assert(
      fc.property(arb, ([input, target, reduction]) => {
        expect(gradientMismatches({ op: 'bce_with_logits', attrs: { reduction }, inputs: { input, target } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
