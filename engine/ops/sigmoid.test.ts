import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, gradientMismatches, lit, randomLitArb, realArb, runOp } from '../testing/opHarness';

describe('sigmoid', () => {
  it('sigmoid([0, ln 3, −ln 3]) is [0.5, 0.75, 0.25]', () => {
    const y = runOp({ op: 'sigmoid', inputs: { x: lit([3], [0, Math.log(3), -Math.log(3)]) } });
    expect(y.data[0]).toBe(0.5);
    expect(y.data[1]).toBeCloseTo(0.75, 15);
    expect(y.data[2]).toBeCloseTo(0.25, 15);
  });

  it('sigmoid([-800, 800]) is [0, 1] without overflow to NaN', () => {
    expect(Array.from(runOp({ op: 'sigmoid', inputs: { x: lit([2], [-800, 800]) } }).data)).toEqual([0, 1]);
  });

  it('sigmoid([NaN, 0]) is [NaN, 0.5]', () => {
    expect(Array.from(runOp({ op: 'sigmoid', inputs: { x: lit([2], [NaN, 0]) } }).data)).toEqual([NaN, 0.5]);
  });

  it('sigmoid gradient σ(1−σ) matches central differences on random shapes of rank 0..4', () => {
    fc.assert(
      fc.property(randomLitArb(realArb(-4, 4)), (x) => {
        expect(gradientMismatches({ op: 'sigmoid', inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
