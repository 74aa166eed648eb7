import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, gradientMismatches, lit, randomLitArb, runOp } from '../testing/opHarness';

describe('exp', () => {
  it('exp([0, 1, ln 2]) is [1, e, 2]', () => {
    const y = runOp({ op: 'exp', inputs: { x: lit([3], [0, 1, Math.LN2]) } });
    expect(y.data[0]).toBe(1);
    expect(y.data[1]).toBeCloseTo(Math.E, 15);
    expect(y.data[2]).toBeCloseTo(2, 15);
  });

  it('exp([-Infinity, 1000]) is [0, Infinity]', () => {
    expect(Array.from(runOp({ op: 'exp', inputs: { x: lit([2], [-Infinity, 1000]) } }).data)).toEqual([0, Infinity]);
  });

  it('exp([NaN, 0]) is [NaN, 1]', () => {
    expect(Array.from(runOp({ op: 'exp', inputs: { x: lit([2], [NaN, 0]) } }).data)).toEqual([NaN, 1]);
  });

  it('exp gradient eˣ matches central differences on random shapes of rank 0..4', () => {
    fc.assert(
      fc.property(randomLitArb(), (x) => {
        expect(gradientMismatches({ op: 'exp', inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
