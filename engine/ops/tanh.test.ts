import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, gradientMismatches, lit, randomLitArb, realArb, runOp } from '../testing/opHarness';

describe('tanh', () => {
  it('tanh([0, ln 2, −ln 2]) is [0, 0.6, −0.6]', () => {
    const y = runOp({ op: 'tanh', inputs: { x: lit([3], [0, Math.LN2, -Math.LN2]) } });
    expect(y.data[0]).toBe(0);
    expect(y.data[1]).toBeCloseTo(0.6, 15);
    expect(y.data[2]).toBeCloseTo(-0.6, 15);
  });

  it('tanh([-50, 50]) is [-1, 1]', () => {
    expect(Array.from(runOp({ op: 'tanh', inputs: { x: lit([2], [-50, 50]) } }).data)).toEqual([-1, 1]);
  });

  it('tanh([NaN, 0]) is [NaN, 0]', () => {
    expect(Array.from(runOp({ op: 'tanh', inputs: { x: lit([2], [NaN, 0]) } }).data)).toEqual([NaN, 0]);
  });

  it('tanh gradient 1 − tanh² matches central differences on random shapes of rank 0..4', () => {
    fc.assert(
      fc.property(randomLitArb(realArb(-3, 3)), (x) => {
        expect(gradientMismatches({ op: 'tanh', inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
