import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, litArb, lossWeights, opErrors, realArb, runOp, shapeArb } from '../testing/opHarness';
import { EngineError } from '../exec/program';

const bce = (x: number[], t: number[], reduction = 'mean') =>
  runOp({ op: 'bce', attrs: { reduction }, inputs: { input: lit([x.length], x), target: lit([t.length], t) } }).data[0];

describe('bce', () => {
  it('bce([0.5], [1]) is ln 2', () => {
    expect(bce([0.5], [1])).toBeCloseTo(Math.LN2, 15);
  });

  it('bce([0.8, 0.4], [1, 0]) is −(ln 0.8 + ln 0.6)/2, and twice that with sum', () => {
    expect(bce([0.8, 0.4], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
    expect(bce([0.8, 0.4], [1, 0], 'sum')).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)), 15);
  });

  it('bce([0.25], [0.5]) with a soft target is −(ln 0.25 + ln 0.75)/2', () => {
    expect(bce([0.25], [0.5])).toBeCloseTo(-(Math.log(0.25) + Math.log(0.75)) / 2, 15);
  });

  it('bce([0, 1], [1, 0]) clamps each log term at −100, as PyTorch: 100', () => {
    expect(bce([0, 1], [1, 0])).toBe(100);
  });

  it('bce([0.8], [1]) has gradient (x − t)/(x(1 − x))·g = −1.25·g, and −logit(x)·g for the target as PyTorch', () => {
    const p = compileLoss({ op: 'bce', inputs: { input: lit([1], [0.8]), target: lit([1], [1]) } });
    p.forward();
    p.backward();
    expect(p.grad(leafId('input'))?.data[0]).toBeCloseTo(-1.25 * lossWeights(1)[0], 14);
    expect(p.grad(leafId('target'))?.data[0]).toBeCloseTo(-Math.log(0.8 / 0.2) * lossWeights(1)[0], 14);
  });

  it('bce of [2] and [2,1] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'bce', inputs: { input: lit([2], [0.5, 0.5]), target: lit([2, 1], [1, 0]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[2]');
    expect(errors[0].message).toContain('[2, 1]');
  });

  it('bce([1.5], [1]) fails at run time: the input must be a probability, as PyTorch checks', () => {
    expect(() => bce([1.5], [1])).toThrow(EngineError);
    expect(() => bce([1.5], [1])).toThrow(/probability/);
  });

  it('bce([NaN], [1]) fails the probability check like PyTorch, and bce([0.5], [NaN]) is NaN', () => {
    expect(() => bce([NaN], [1])).toThrow(/probability/);
    expect(bce([0.5], [NaN])).toBeNaN();
  });

  it('bce input gradient matches central differences on random shapes with x in (0.05, 0.95), mean and sum', () => {
    const arb = shapeArb().chain((s) => fc.tuple(litArb(s, realArb(0.05, 0.95)), litArb(s, realArb(0, 1)), fc.constantFrom('mean', 'sum')));
    fc.assert(
      fc.property(arb, ([input, target, reduction]) => {
        expect(gradientMismatches({ op: 'bce', attrs: { reduction }, inputs: { input, target } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
