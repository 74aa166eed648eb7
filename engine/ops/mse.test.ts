import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, litArb, lossWeights, opErrors, runOp, shapeArb } from '../testing/opHarness';

describe('mse', () => {
  it('mse([1,2,3], [1,0,5]) is 8/3 with the default mean reduction', () => {
    const y = runOp({ op: 'mse', inputs: { input: lit([3], [1, 2, 3]), target: lit([3], [1, 0, 5]) } });
    expect(y.shape).toEqual([]);
    expect(y.data[0]).toBeCloseTo(8 / 3, 15);
  });

  it("mse([1,2,3], [1,0,5], reduction = 'sum') is 8", () => {
    const y = runOp({ op: 'mse', attrs: { reduction: 'sum' }, inputs: { input: lit([3], [1, 2, 3]), target: lit([3], [1, 0, 5]) } });
    expect(Array.from(y.data)).toEqual([8]);
  });

  it('mse([[1,2],[3,4]], [[0,0],[0,0]]) is 7.5', () => {
    expect(Array.from(runOp({ op: 'mse', inputs: { input: lit([2, 2], [1, 2, 3, 4]), target: lit([2, 2], [0, 0, 0, 0]) } }).data)).toEqual([7.5]);
  });

  it('mse of [3] and [3,1] is a shape_mismatch naming both shapes (no broadcasting)', () => {
    const errors = opErrors({ op: 'mse', inputs: { input: lit([3], [1, 2, 3]), target: lit([3, 1], [1, 2, 3]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[3]');
    expect(errors[0].message).toContain('[3, 1]');
  });

  it('mse([1,NaN], [1,1]) is NaN', () => {
    expect(Array.from(runOp({ op: 'mse', inputs: { input: lit([2], [1, NaN]), target: lit([2], [1, 1]) } }).data)).toEqual([NaN]);
  });

  it('mse([3,1], [1,1]) has gradient (2/n)(x − t)·g for the input and its negation for the target', () => {
    const p = compileLoss({ op: 'mse', inputs: { input: lit([2], [3, 1]), target: lit([2], [1, 1]) } });
    p.forward();
    p.backward();
    const [w] = lossWeights(1);
    expect(Array.from(p.grad(leafId('input'))?.data ?? [])).toEqual([2 * w, 0]);
    expect(Array.from(p.grad(leafId('target'))?.data ?? [])).toEqual([-2 * w, 0]);
  });

  it('mse gradients for input and target match central differences on random shapes, mean and sum', () => {
    const arb = shapeArb().chain((s) => fc.tuple(litArb(s), litArb(s), fc.constantFrom('mean', 'sum')));
    fc.assert(
      fc.property(arb, ([input, target, reduction]) => {
        expect(gradientMismatches({ op: 'mse', attrs: { reduction }, inputs: { input, target } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
