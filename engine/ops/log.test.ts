import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, lossWeights, randomLitArb, realArb, runOp } from '../testing/opHarness';

describe('log', () => {
  it('log([1, e, 0.5]) is [0, 1, −ln 2]', () => {
    const y = runOp({ op: 'log', inputs: { x: lit([3], [1, Math.E, 0.5]) } });
    expect(y.data[0]).toBe(0);
    expect(y.data[1]).toBeCloseTo(1, 15);
    expect(y.data[2]).toBeCloseTo(-Math.LN2, 15);
  });

  it('log([0, -1]) is [-Infinity, NaN] as in PyTorch', () => {
    expect(Array.from(runOp({ op: 'log', inputs: { x: lit([2], [0, -1]) } }).data)).toEqual([-Infinity, NaN]);
  });

  it('log([NaN, 1]) is [NaN, 0]', () => {
    expect(Array.from(runOp({ op: 'log', inputs: { x: lit([2], [NaN, 1]) } }).data)).toEqual([NaN, 0]);
  });

  it('log([2, 4]) has gradient g/x', () => {
    const p = compileLoss({ op: 'log', inputs: { x: lit([2], [2, 4]) } });
    p.forward();
    p.backward();
    const w = lossWeights(2);
    expect(Array.from(p.grad(leafId('x'))?.data ?? [])).toEqual([w[0] / 2, w[1] / 4]);
  });

  it('log gradient 1/x matches central differences on random shapes of rank 0..4 with x in [0.2, 3]', () => {
    fc.assert(
      fc.property(randomLitArb(realArb(0.2, 3)), (x) => {
        expect(gradientMismatches({ op: 'log', inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
