import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FC_PARAMS, broadcastLitsArb, compileLoss, gradientMismatches, leafId, lit, lossWeights, opErrors, randomLitArb, runOp,
} from '../testing/opHarness';

describe('sub', () => {
  it('sub([5,3,0], [1,4,-2]) is [4,-1,2]', () => {
    const y = runOp({ op: 'sub', inputs: { a: lit([3], [5, 3, 0]), b: lit([3], [1, 4, -2]) } });
    expect(Array.from(y.data)).toEqual([4, -1, 2]);
  });

  it('sub([[1],[2]], [10,20,30]) broadcasts [2,1] − [3] to [2,3]', () => {
    const y = runOp({ op: 'sub', inputs: { a: lit([2, 1], [1, 2]), b: lit([3], [10, 20, 30]) } });
    expect(y.shape).toEqual([2, 3]);
    expect(Array.from(y.data)).toEqual([-9, -19, -29, -8, -18, -28]);
  });

  it('sub broadcasts [2,1] − [3] and gives b the negated gradient summed over the broadcast axis', () => {
    const p = compileLoss({ op: 'sub', inputs: { a: lit([2, 1], [1, 2]), b: lit([3], [10, 20, 30]) } });
    p.forward();
    p.backward();
    const w = lossWeights(6);
    const ga = Array.from(p.grad(leafId('a'))?.data ?? []);
    const gb = Array.from(p.grad(leafId('b'))?.data ?? []);
    expect(ga[0]).toBeCloseTo(w[0] + w[1] + w[2], 14);
    expect(ga[1]).toBeCloseTo(w[3] + w[4] + w[5], 14);
    gb.forEach((g, j) => expect(g).toBeCloseTo(-(w[j] + w[3 + j]), 14));
  });

  it('sub([1,2]) with b unconnected and c = 0.5 is [0.5,1.5]', () => {
    expect(Array.from(runOp({ op: 'sub', attrs: { c: 0.5 }, inputs: { a: lit([2], [1, 2]) } }).data)).toEqual([0.5, 1.5]);
  });

  it('sub of [2,3] and [2] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'sub', inputs: { a: lit([2, 3], [1, 2, 3, 4, 5, 6]), b: lit([2], [1, 2]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[2, 3]');
    expect(errors[0].message).toContain('[2]');
  });

  it('sub([1,NaN], [NaN,1]) is [NaN,NaN]', () => {
    expect(Array.from(runOp({ op: 'sub', inputs: { a: lit([2], [1, NaN]), b: lit([2], [NaN, 1]) } }).data)).toEqual([NaN, NaN]);
  });

  it('sub gradients match central differences for broadcast shapes of rank 0..4', () => {
    fc.assert(
      fc.property(broadcastLitsArb(), ([a, b]) => {
        expect(gradientMismatches({ op: 'sub', inputs: { a, b } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });

  it('sub with the constant c fallback has a gradient matching central differences on random shapes', () => {
    fc.assert(
      fc.property(randomLitArb(), fc.double({ min: -3, max: 3, noNaN: true }), (a, c) => {
        expect(gradientMismatches({ op: 'sub', attrs: { c }, inputs: { a } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
