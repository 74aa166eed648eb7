import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, lossWeights, randomLitArb, runOp } from '../testing/opHarness';

describe('scale', () => {
  it('scale([1,-2,4], k = 2.5) is [2.5,-5,10]', () => {
    expect(Array.from(runOp({ op: 'scale', attrs: { k: 2.5 }, inputs: { x: lit([3], [1, -2, 4]) } }).data)).toEqual([2.5, -5, 10]);
  });

  it('scale with the default k = 1 is the identity on shape [2,2]', () => {
    const y = runOp({ op: 'scale', inputs: { x: lit([2, 2], [1, 2, 3, 4]) } });
    expect(y.shape).toEqual([2, 2]);
    expect(Array.from(y.data)).toEqual([1, 2, 3, 4]);
  });

  it('scale([1,2], k = -3) has gradient −3·g', () => {
    const p = compileLoss({ op: 'scale', attrs: { k: -3 }, inputs: { x: lit([2], [1, 2]) } });
    p.forward();
    p.backward();
    expect(Array.from(p.grad(leafId('x'))?.data ?? [])).toEqual(lossWeights(2).map((w) => -3 * w));
  });

  it('scale([NaN,1], k = 0) is [NaN,0] as in PyTorch', () => {
    expect(Array.from(runOp({ op: 'scale', attrs: { k: 0 }, inputs: { x: lit([2], [NaN, 1]) } }).data)).toEqual([NaN, 0]);
  });

  it('scale gradient k·g matches central differences on random shapes of rank 0..4', () => {
    fc.assert(
      fc.property(randomLitArb(), fc.double({ min: -3, max: 3, noNaN: true }), (x, k) => {
        expect(gradientMismatches({ op: 'scale', attrs: { k }, inputs: { x } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
