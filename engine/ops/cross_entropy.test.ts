import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FC_PARAMS, compileLoss, gradientMismatches, leafId, lit, litArb, lossWeights, opErrors, runOp } from '../testing/opHarness';
import { EngineError } from '../exec/program';

const L3 = Math.log(3);
const ce = (logits: ReturnType<typeof lit>, labels: number[], reduction = 'mean') =>
  runOp({ op: 'cross_entropy', attrs: { reduction }, inputs: { input: logits, target: lit([labels.length], labels) } }).data[0];

describe('cross_entropy', () => {
  it('cross_entropy([[0, 0]], [1]) is ln 2', () => {
    expect(ce(lit([1, 2], [0, 0]), [1])).toBeCloseTo(Math.LN2, 15);
  });

  it('cross_entropy([[0, ln 3],[ln 2, 0]], [1, 0]) is (ln(4/3) + ln(3/2))/2 = ln 2 / 2, and ln 2 with sum', () => {
    const logits = lit([2, 2], [0, L3, Math.LN2, 0]);
    expect(ce(logits, [1, 0])).toBeCloseTo(Math.LN2 / 2, 15);
    expect(ce(logits, [1, 0], 'sum')).toBeCloseTo(Math.LN2, 15);
  });

  it('cross_entropy([[1000, 0, -1000]], [0]) is 0 without overflow', () => {
    expect(ce(lit([1, 3], [1000, 0, -1000]), [0])).toBe(0);
  });

  it('cross_entropy([[0, ln 3]], [0]) has gradient (softmax − onehot)·g = [−0.75, 0.75]·g and none for the labels', () => {
    const p = compileLoss({ op: 'cross_entropy', inputs: { input: lit([1, 2], [0, L3]), target: lit([1], [0]) } });
    p.forward();
    p.backward();
    const [w] = lossWeights(1);
    expect(Array.from(p.grad(leafId('input'))?.data ?? [])).toEqual([expect.closeTo(-0.75 * w, 15), expect.closeTo(0.75 * w, 15)]);
    expect(p.grad(leafId('target'))).toBeNull();
  });

  it('cross_entropy of logits [2,3] and labels [3] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'cross_entropy', inputs: { input: lit([2, 3], [1, 2, 3, 4, 5, 6]), target: lit([3], [0, 1, 2]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[2, 3]');
    expect(errors[0].message).toContain('[3]');
  });

  it('cross_entropy of logits [2,3] and labels [2,1] is a shape_mismatch naming both shapes', () => {
    const errors = opErrors({ op: 'cross_entropy', inputs: { input: lit([2, 3], [1, 2, 3, 4, 5, 6]), target: lit([2, 1], [0, 1]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
    expect(errors[0].message).toContain('[2, 1]');
  });

  it('cross_entropy of 1-D logits [3] is a shape_mismatch', () => {
    const errors = opErrors({ op: 'cross_entropy', inputs: { input: lit([3], [1, 2, 3]), target: lit([1], [0]) } });
    expect(errors.map((e) => e.code)).toEqual(['shape_mismatch']);
  });

  it('cross_entropy with label 3 for 3 classes, or label 0.5, fails at run time naming the label', () => {
    expect(() => ce(lit([1, 3], [0, 0, 0]), [3])).toThrow(EngineError);
    expect(() => ce(lit([1, 3], [0, 0, 0]), [3])).toThrow(/label 3/);
    expect(() => ce(lit([1, 3], [0, 0, 0]), [0.5])).toThrow(/label 0.5/);
  });

  it('cross_entropy([[NaN, 0],[0, 0]], [1, 0]) is NaN', () => {
    expect(ce(lit([2, 2], [NaN, 0, 0, 0]), [1, 0])).toBeNaN();
  });

  it('cross_entropy logits gradient matches central differences for random [N, C] with integer labels, mean and sum', () => {
    const arb = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
      .chain(([n, c]) =>
        fc.tuple(
          litArb([n, c], fc.double({ min: -3, max: 3, noNaN: true })),
          fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: n, maxLength: n }),
          fc.constantFrom('mean', 'sum'),
        ),
      );
    fc.assert(
      fc.property(arb, ([input, labels, reduction]) => {
        const target = lit([labels.length], labels);
        expect(gradientMismatches({ op: 'cross_entropy', attrs: { reduction }, inputs: { input, target } })).toEqual([]);
      }),
      FC_PARAMS,
    );
  });
});
