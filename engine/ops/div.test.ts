import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FC_PARAMS, awayFromZeroArb, broadcastLitsArb, compileLoss, gradientMismatches, leafId, lit, lossWeights, opErrors, randomLitArb, realArb, runOp,
} from '../testing/opHarness';

describe('div', () => {
  it('div([1,6,-3], [2,3,4]) is [0.5,2,-0.75]', () => {
    const y = runOp({ op: 'div', inputs: { a: lit([3], [1, 6, -3]), b: lit([3], [2, 3, 4]) } });
    expect(Array.from(y.data)).toEqual([0.5, 2, -0.75]);
  });

  it('div([[2],[4]], [1,2,4]) broadcasts [2,1] / [3] to [2,3]', () => {
    const y = runOp({ op: 'div', inputs: { a: lit([2, 1], [2, 4]), b: lit([3], [1, 2, 4]) } });
    expect(y.shape).toEqual([2, 3]);
    expect(Array.from(y.data)).toEqual([2, 1, 0.5, 4, 2, 1]);
  });

  it('div([6], [2]) has gradients g/b for a and −g·a/b² for b', () => {
    const p = compileLoss({ op: 'div', inputs: { a: lit([1], [6]), b: lit([1], [2]) } });
    p.forward();
    p.backward();
    const [w] = lossWeights(1);
    expect(p.grad(leafId('a'))?.data[0]).toBeCloseTo(w / 2, 15);
    expect(p.grad(leafId('b'))?.data[0]).toBeCloseTo((-w * 6) / 4, 15);
  });

  it('div([3,-1]) with b unconnected and c = 2 is [1.5,-0.5]; the default c is 1', () => {
    expect(Array.from(runOp({ op: 'div', attrs: { c: 2 }, inputs: { a: lit([2], [3, -1]) } }).data)).toEqual([1.5, -0.5]);
    expect(Array.from(runOp({ op: 'div', inputs: { a: lit([2], [3, -1]) } }).data)).toEqual([3, -1]);
  });

  it('div([1,-1,0], [0,0,0]) is [Infinity,-Infinity,NaN] as in PyTorch', () => {
    const y = runOp({ op: 'div', inputs: { a: lit([3], [1, -1, 0]), b: lit([3], [0, 0, 0]) } });
    expect(Array.from(y.data)).toEqual([Infinity, -Infinity, NaN]);
  });

  it('div([NaN,1], [1,NaN]) is [NaN,NaN]', () => {
    expect(Array.from(runOp({ op: 'div', inputs: { a: lit([2], [NaN, 1]), b: lit([2], [1, NaN]) } }).data)).toEqual([NaN, NaN]);
  });

  it('div of [4,2] and [4] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'div', inputs: { a: lit([4, 2], [1, 2, 3, 4, 5, 6, 7, 8]), b: lit([4], [1, 2, 3, 4]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[4, 2]');
    expect(errors[0].message).toContain('[4]');
  });

  it('div gradients match central differences for broadcast shapes of rank 0..4 with b away from 0', () => {
    fc.assert(
      fc.property(broadcastLitsArb(realArb(), awayFromZeroArb(0.5, 2)), ([a, b]) => {
        expect(gradientMismatches({ op: 'div', inputs: { a, b } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });

  it('div with the constant c fallback has a gradient matching central differences on random shapes', () => {
    fc.assert(
      fc.property(randomLitArb(), awayFromZeroArb(0.5, 3), (a, c) => {
        expect(gradientMismatches({ op: 'div', attrs: { c }, inputs: { a } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
