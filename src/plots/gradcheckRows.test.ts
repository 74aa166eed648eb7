import { describe, expect, it } from 'vitest';
import { gradientCheck } from '../../engine';
import { checkRows, checkTargets, passes } from './gradcheckRows';
import { compiled, compositeDoc, linearDoc } from './testGraphs';

describe('gradcheckRows', () => {
  it('checkTargets(program) lists leaves requiring grad', () => {
    expect(checkTargets(compiled(compositeDoc())).map((t) => t.key)).toEqual(['x']);
  });
  it('checkTargets(program) lists linear weight and bias as node.name', () => {
    const t = checkTargets(compiled(linearDoc()));
    expect(t.map((x) => [x.key, x.param, x.shape])).toEqual([
      ['linear.weight', 'weight', [1, 1]],
      ['linear.bias', 'bias', [1]],
    ]);
  });
  it('passes(a, n, rel) accepts tiny absolute differences where both are about zero', () => {
    expect(passes(0, 1e-9, 1)).toBe(true);
    expect(passes(8, 8.0000001, 1.25e-8)).toBe(true);
    expect(passes(8, 9, 0.11)).toBe(false);
    expect(passes(NaN, NaN, 0)).toBe(false);
  });
  it('checkRows(gradientCheck(x)) on the composite function: 17 rows, x.grad = 4x, every row passes', () => {
    const p = compiled(compositeDoc());
    const rows = checkRows(gradientCheck(p, { node: 'x' }), [17]);
    expect(rows).toHaveLength(17);
    expect(rows[0]).toMatchObject({ index: '[0]', analytic: '-8', pass: true });
    expect(rows[8]).toMatchObject({ index: '[8]', analytic: '0', pass: true });
    expect(rows.every((r) => r.pass)).toBe(true);
  });
  it('checkRows indexes matrix elements [i,j] and marks a wrong gradient as failing', () => {
    const rows = checkRows(
      { analytic: Float64Array.of(1, 2, 3, 4), numeric: Float64Array.of(1, 2, 3, 5), relError: Float64Array.of(0, 0, 0, 0.2), maxRelError: 0.2 },
      [2, 2],
    );
    expect(rows.map((r) => r.index)).toEqual(['[0,0]', '[0,1]', '[1,0]', '[1,1]']);
    expect(rows.map((r) => r.pass)).toEqual([true, true, true, false]);
    expect(rows.map((r) => r.relError)).toEqual(['0', '0', '0', '0.2']);
  });
});
