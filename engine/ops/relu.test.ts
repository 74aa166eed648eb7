import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, awayFromZeroArb, compileLoss, gradientMismatches, leafId, lit, lossWeights, randomLitArb, runOp } from '../testing/opHarness';

describe('relu', () => {
  it('relu([-1, 0, 2, -0.5, 3]) is [0, 0, 2, 0, 3]', () => {
    expect(Array.from(runOp({ op: 'relu', inputs: { x: lit([5], [-1, 0, 2, -0.5, 3]) } }).data)).toEqual([0, 0, 2, 0, 3]);
  });

  it('relu([NaN, -1]) is [NaN, 0] as in PyTorch', () => {
    expect(Array.from(runOp({ op: 'relu', inputs: { x: lit([2], [NaN, -1]) } }).data)).toEqual([NaN, 0]);
  });

  it('relu([-1, 0, 2]) has gradient [0, 0, g] (0 at the kink, as PyTorch)', () => {
    const p = compileLoss({ op: 'relu', inputs: { x: lit([3], [-1, 0, 2]) } });
    p.forward();
    p.backward();
    expect(Array.from(p.grad(leafId('x'))?.data ?? [])).toEqual([0, 0, lossWeights(3)[2]]);
  });

  it('relu gradient matches central differences on random shapes of rank 0..4 away from the kink', () => {
    fc.assert(
      fc.property(randomLitArb(awayFromZeroArb(0.1, 2)), (x) => {
        expect(gradientMismatches({ op: 'relu', inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
