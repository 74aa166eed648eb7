import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FC_PARAMS, broadcastLitsArb, compileLoss, gradientMismatches, leafId, lit, lossWeights, opErrors, randomLitArb, runOp,
} from '../testing/opHarness';

describe('mul', () => {
  it('mul([2,3,-1], [4,-1,0.5]) is [8,-3,-0.5]', () => {
    const y = runOp({ op: 'mul', inputs: { a: lit([3], [2, 3, -1]), b: lit([3], [4, -1, 0.5]) } });
    expect(Array.from(y.data)).toEqual([8, -3, -0.5]);
  });

  it('mul([[1],[2]], [1,10,100]) broadcasts [2,1] · [3] to [2,3]', () => {
    const y = runOp({ op: 'mul', inputs: { a: lit([2, 1], [1, 2]), b: lit([3], [1, 10, 100]) } });
    expect(y.shape).toEqual([2, 3]);
    expect(Array.from(y.data)).toEqual([1, 10, 100, 2, 20, 200]);
  });

  it('mul broadcasts [2,1] · [3] and sums b·g into a over the broadcast axis', () => {
    const p = compileLoss({ op: 'mul', inputs: { a: lit([2, 1], [1, 2]), b: lit([3], [1, 10, 100]) } });
    p.forward();
    p.backward();
    const w = lossWeights(6);
    const ga = Array.from(p.grad(leafId('a'))?.data ?? []);
    const gb = Array.from(p.grad(leafId('b'))?.data ?? []);
    expect(ga[0]).toBeCloseTo(w[0] * 1 + w[1] * 10 + w[2] * 100, 12);
    expect(ga[1]).toBeCloseTo(w[3] * 1 + w[4] * 10 + w[5] * 100, 12);
    gb.forEach((g, j) => expect(g).toBeCloseTo(w[j] * 1 + w[3 + j] * 2, 14));
  });

  it('mul([1,-2]) with b unconnected and c = 3 is [3,-6]; the default c is 1', () => {
    expect(Array.from(runOp({ op: 'mul', attrs: { c: 3 }, inputs: { a: lit([2], [1, -2]) } }).data)).toEqual([3, -6]);
    expect(Array.from(runOp({ op: 'mul', inputs: { a: lit([2], [1, -2]) } }).data)).toEqual([1, -2]);
  });

  it('mul of [3,2] and [3] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'mul', inputs: { a: lit([3, 2], [1, 2, 3, 4, 5, 6]), b: lit([3], [1, 2, 3]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[3, 2]');
    expect(errors[0].message).toContain('[3]');
  });

  it('mul([NaN,2], [0,Infinity]) is [NaN,Infinity] and mul([0],[Infinity]) is NaN', () => {
    expect(Array.from(runOp({ op: 'mul', inputs: { a: lit([2], [NaN, 2]), b: lit([2], [0, Infinity]) } }).data)).toEqual([NaN, Infinity]);
    expect(Array.from(runOp({ op: 'mul', inputs: { a: lit([1], [0]), b: lit([1], [Infinity]) } }).data)).toEqual([NaN]);
  });

  it('mul gradients match central differences for broadcast shapes of rank 0..4', () => {
    fc.assert(
      fc.property(broadcastLitsArb(), ([a, b]) => {
        expect(gradientMismatches({ op: 'mul', inputs: { a, b } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });

  it('mul with the constant c fallback has a gradient matching central differences on random shapes', () => {
    fc.assert(
      fc.property(randomLitArb(), fc.double({ min: -3, max: 3, noNaN: true }), (a, c) => {
        expect(gradientMismatches({ op: 'mul', attrs: { c }, inputs: { a } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
