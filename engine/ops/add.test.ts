import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FC_PARAMS, OP_ID, broadcastLitsArb, compileLoss, gradientMismatches, leafId, lit, lossWeights, opErrors, randomLitArb, runOp,
} from '../testing/opHarness';

describe('add', () => {
  it('add([1,2,3], [10,20,30]) is [11,22,33]', () => {
    const y = runOp({ op: 'add', inputs: { a: lit([3], [1, 2, 3]), b: lit([3], [10, 20, 30]) } });
    expect(y.shape).toEqual([3]);
    expect(Array.from(y.data)).toEqual([11, 22, 33]);
  });

  it('add([[1],[2],[3]], [10,20,30,40]) broadcasts [3,1] + [4] to [3,4]', () => {
    const y = runOp({ op: 'add', inputs: { a: lit([3, 1], [1, 2, 3]), b: lit([4], [10, 20, 30, 40]) } });
    expect(y.shape).toEqual([3, 4]);
    expect(Array.from(y.data)).toEqual([11, 21, 31, 41, 12, 22, 32, 42, 13, 23, 33, 43]);
  });

  it('add broadcasts [3,1] + [4] to [3,4] and sums the gradient over broadcast axes', () => {
    const p = compileLoss({ op: 'add', inputs: { a: lit([3, 1], [1, 2, 3]), b: lit([4], [10, 20, 30, 40]) } });
    p.forward();
    p.backward();
    const w = lossWeights(12);
    const rowSums = [0, 1, 2].map((i) => w.slice(4 * i, 4 * i + 4).reduce((s, v) => s + v, 0));
    const colSums = [0, 1, 2, 3].map((j) => w[j] + w[4 + j] + w[8 + j]);
    expect(p.grad(leafId('a'))?.shape).toEqual([3, 1]);
    Array.from(p.grad(leafId('a'))?.data ?? []).forEach((g, i) => expect(g).toBeCloseTo(rowSums[i], 14));
    Array.from(p.grad(leafId('b'))?.data ?? []).forEach((g, j) => expect(g).toBeCloseTo(colSums[j], 14));
  });

  it('add of [2,1,3] and [5,1] has shape [2,5,3] and gradients matching central differences', () => {
    const a = lit([2, 1, 3], [0.1, -0.2, 0.3, 0.4, -0.5, 0.6]);
    const b = lit([5, 1], [1, -1, 2, -2, 0.5]);
    expect(runOp({ op: 'add', inputs: { a, b } }).shape).toEqual([2, 5, 3]);
    expect(gradientMismatches({ op: 'add', inputs: { a, b } })).toEqual([]);
  });

  it('add([1,2]) with b unconnected and c = 2.5 is [3.5,4.5], and the gradient reaches a', () => {
    const call = { op: 'add', attrs: { c: 2.5 }, inputs: { a: lit([2], [1, 2]) } };
    expect(Array.from(runOp(call).data)).toEqual([3.5, 4.5]);
    const p = compileLoss(call);
    p.forward();
    p.backward();
    expect(Array.from(p.grad(leafId('a'))?.data ?? [])).toEqual(lossWeights(2));
  });

  it('add with b unconnected defaults to c = 0', () => {
    expect(Array.from(runOp({ op: 'add', inputs: { a: lit([2], [1, -2]) } }).data)).toEqual([1, -2]);
  });

  it('add of [2,3] and [4] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'add', inputs: { a: lit([2, 3], [1, 2, 3, 4, 5, 6]), b: lit([4], [1, 2, 3, 4]) } });
    expect(errors).toHaveLength(1);
    expect(errors[0].code).toBe('shape_mismatch');
    expect(errors[0].node).toBe(OP_ID);
    expect(errors[0].message).toContain('[2, 3]');
    expect(errors[0].message).toContain('[4]');
  });

  it('add([NaN,1], [1,1]) is [NaN,2], and a broadcast NaN spreads along its axis', () => {
    expect(Array.from(runOp({ op: 'add', inputs: { a: lit([2], [NaN, 1]), b: lit([2], [1, 1]) } }).data)).toEqual([NaN, 2]);
    expect(Array.from(runOp({ op: 'add', inputs: { a: lit([2, 1], [NaN, 0]), b: lit([2], [1, 2]) } }).data)).toEqual([NaN, NaN, 1, 2]);
  });

  it('add gradients match central differences for broadcast shapes of rank 0..4', () => {
    fc.assert(
      fc.property(broadcastLitsArb(), ([a, b]) => {
        expect(gradientMismatches({ op: 'add', inputs: { a, b } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });

  it('add with the constant c fallback has a gradient matching central differences on random shapes', () => {
    fc.assert(
      fc.property(randomLitArb(), fc.double({ min: -3, max: 3, noNaN: true }), (a, c) => {
        expect(gradientMismatches({ op: 'add', attrs: { c }, inputs: { a } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
