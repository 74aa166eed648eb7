import { describe, expect, it } from 'vitest';
import { gradientCheck } from './gradcheck';
import { compile } from '../exec/compile';
import { compositeFunction, linearRegression } from '../testing/graphs';

describe('gradientCheck', () => {
  it('gradientCheck(x) on the composite function matches 4x and leaves accumulated gradients alone', () => {
    const p = compile(compositeFunction()).program;
    if (!p) throw new Error('did not compile');
    p.forward();
    p.backward();
    const before = Array.from(p.grad('x')?.data ?? []);
    const r = gradientCheck(p, { node: 'x' });
    expect(r.maxRelError).toBeLessThan(1e-8);
    expect(Array.from(r.analytic)).toEqual(Array.from(p.value('x').data, (v) => 4 * v));
    expect(Array.from(p.grad('x')?.data ?? [])).toEqual(before);
  });

  it("gradientCheck of linear's weight and bias agrees with central differences", () => {
    const p = compile(linearRegression([[1, 2], [2, 3.5], [-1, 0]], 0.3, -0.2)).program;
    if (!p) throw new Error('did not compile');
    for (const param of ['weight', 'bias']) {
      const r = gradientCheck(p, { node: 'lin', param });
      expect(r.maxRelError).toBeLessThan(1e-7);
    }
  });

  it('gradientCheck refuses a leaf that does not require grad', () => {
    const p = compile(linearRegression([[1, 2]])).program;
    if (!p) throw new Error('did not compile');
    expect(() => gradientCheck(p, { node: 'X' })).toThrow(/does not require grad|not a leaf/);
  });
});
