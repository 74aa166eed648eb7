import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, gradientMismatches, lit, randomLitArb, runOp } from '../testing/opHarness';

describe('square', () => {
  it('square([1,-2,3]) is [1,4,9]', () => {
    const y = runOp({ op: 'square', inputs: { x: lit([3], [1, -2, 3]) } });
    expect(y.shape).toEqual([3]);
    expect(Array.from(y.data)).toEqual([1, 4, 9]);
  });

  it('square of a scalar -1.5 is the scalar 2.25', () => {
    const y = runOp({ op: 'square', inputs: { x: lit([], [-1.5]) } });
    expect(y.shape).toEqual([]);
    expect(Array.from(y.data)).toEqual([2.25]);
  });

  it('square keeps the shape [2,1,3]', () => {
    const y = runOp({ op: 'square', inputs: { x: lit([2, 1, 3], [0, 1, 2, 3, 4, 5]) } });
    expect(y.shape).toEqual([2, 1, 3]);
    expect(Array.from(y.data)).toEqual([0, 1, 4, 9, 16, 25]);
  });

  it('square([NaN, 2]) is [NaN, 4]', () => {
    const y = runOp({ op: 'square', inputs: { x: lit([2], [NaN, 2]) } });
    expect(Array.from(y.data)).toEqual([NaN, 4]);
  });

  it('square gradient 2x matches central differences on random shapes of rank 0..4', () => {
    fc.assert(
      fc.property(randomLitArb(), (x) => {
        expect(gradientMismatches({ op: 'square', inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
