import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, broadcastPairArb, compileLoss, gradientMismatches, leafId, lit, litArb, lossWeights, opErrors, runOp } from '../testing/opHarness';

const mm = (a: ReturnType<typeof lit>, b: ReturnType<typeof lit>) => runOp({ op: 'matmul', inputs: { a, b } });

describe('matmul', () => {
  it('matmul([[1,2,3],[4,5,6]], [[1,0],[0,1],[1,1]]) is [[4,5],[10,11]]', () => {
    const y = mm(lit([2, 3], [1, 2, 3, 4, 5, 6]), lit([3, 2], [1, 0, 0, 1, 1, 1]));
    expect(y.shape).toEqual([2, 2]);
    expect(Array.from(y.data)).toEqual([4, 5, 10, 11]);
  });

  it('matmul([1,2,3], [4,5,6]) is the scalar 32', () => {
    const y = mm(lit([3], [1, 2, 3]), lit([3], [4, 5, 6]));
    expect(y.shape).toEqual([]);
    expect(Array.from(y.data)).toEqual([32]);
  });

  it('matmul([[1,2],[3,4]], [1,1]) is [3,7] and matmul([1,1], [[1,2],[3,4]]) is [4,6]', () => {
    const mv = mm(lit([2, 2], [1, 2, 3, 4]), lit([2], [1, 1]));
    expect(mv.shape).toEqual([2]);
    expect(Array.from(mv.data)).toEqual([3, 7]);
    const vm = mm(lit([2], [1, 1]), lit([2, 2], [1, 2, 3, 4]));
    expect(vm.shape).toEqual([2]);
    expect(Array.from(vm.data)).toEqual([4, 6]);
  });

  it('matmul of [2,1,1,2] and [3,2,1] broadcasts the batches to [2,3,1,1]', () => {
    const y = mm(lit([2, 1, 1, 2], [1, 2, 3, 4]), lit([3, 2, 1], [1, 0, 0, 1, 1, 1]));
    expect(y.shape).toEqual([2, 3, 1, 1]);
    expect(Array.from(y.data)).toEqual([1, 2, 3, 3, 4, 7]);
  });

  it('matmul([[1,2]], [[3],[4]]) has gradients G·Bᵀ for a and Aᵀ·G for b', () => {
    const p = compileLoss({ op: 'matmul', inputs: { a: lit([1, 2], [1, 2]), b: lit([2, 1], [3, 4]) } });
    p.forward();
    p.backward();
    const [w] = lossWeights(1);
    expect(Array.from(p.grad(leafId('a'))?.data ?? [])).toEqual([3 * w, 4 * w]);
    expect(Array.from(p.grad(leafId('b'))?.data ?? [])).toEqual([1 * w, 2 * w]);
  });

  it('matmul of [2,3] and [2,3] is a shape_mismatch naming both shapes and the misaligned lengths', () => {
    const errors = opErrors({ op: 'matmul', inputs: { a: lit([2, 3], [1, 2, 3, 4, 5, 6]), b: lit([2, 3], [1, 2, 3, 4, 5, 6]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[2, 3] and [2, 3]');
    expect(errors[0].message).toContain('3 ≠ 2');
  });

  it('matmul of [3] and [2] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'matmul', inputs: { a: lit([3], [1, 2, 3]), b: lit([2], [1, 2]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[3] and [2]');
  });

  it('matmul with batches [2] and [3] that cannot broadcast is a shape_mismatch', () => {
    const errors = opErrors({ op: 'matmul', inputs: { a: lit([2, 1, 1], [1, 2]), b: lit([3, 1, 1], [1, 2, 3]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[2]');
    expect(errors[0].message).toContain('[3]');
  });

  it('matmul with a scalar operand is a shape_mismatch', () => {
    expect(opErrors({ op: 'matmul', inputs: { a: lit([], [2]), b: lit([2], [1, 2]) } }).map((e) => e.code)).toEqual(['shape_mismatch']);
  });

  it('matmul([[NaN,1],[1,1]], I) is [[NaN,NaN],[1,1]]: NaN·0 stays NaN as in PyTorch', () => {
    expect(Array.from(mm(lit([2, 2], [NaN, 1, 1, 1]), lit([2, 2], [1, 0, 0, 1])).data)).toEqual([NaN, NaN, 1, 1]);
  });

  it('matmul gradients match central differences for 1-D, 2-D and broadcast-batched operands', () => {
    const arb = fc
      .tuple(broadcastPairArb({ maxRank: 2 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.boolean())
      .chain(([[ba, bb], n, k, m, aVec, bVec]) =>
        fc.tuple(litArb(aVec ? [k] : [...ba, n, k]), litArb(bVec ? [k] : [...bb, k, m])),
      );
    fc.assert(
      fc.property(arb, ([a, b]) => {
        expect(gradientMismatches({ op: 'matmul', inputs: { a, b } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
