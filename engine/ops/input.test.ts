import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import type { Dataset, GraphNode } from '../graph/types';
import { leafValue } from '../testing/opHarness';

const ds: Record<string, Dataset> = {
  points: { columns: ['x1', 'x2', 'y'], rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] },
};
const bound = (columns: string[], vector?: boolean, dataset = 'points'): GraphNode => ({
  id: 'x',
  op: 'input',
  value: { type: 'columns', dataset, columns, vector },
});
const badValue = (node: GraphNode) => compile({ nodes: [node], edges: [], datasets: ds }).problems.filter((p) => p.severity === 'error');

describe('input', () => {
  it('input tensor [2,2] of [1,2,3,4] has that shape and those values', () => {
    const t = leafValue({ id: 'x', op: 'input', value: { type: 'tensor', shape: [2, 2], data: [1, 2, 3, 4] } });
    expect(t.shape).toEqual([2, 2]);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4]);
  });

  it('input tensor keeps NaN values as given', () => {
    expect(Array.from(leafValue({ id: 'x', op: 'input', value: { type: 'tensor', shape: [2], data: [NaN, 1] } }).data)).toEqual([NaN, 1]);
  });

  it('arange(-2, 2.1, 0.25) gives 17 values -2, -1.75, …, 2', () => {
    const t = leafValue({ id: 'x', op: 'input', value: { type: 'arange', start: -2, end: 2.1, step: 0.25 } });
    expect(t.shape).toEqual([17]);
    expect(Array.from(t.data)).toEqual(Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i));
    expect(t.data[0]).toBe(-2);
    expect(t.data[16]).toBe(2);
  });

  it('arange(0, 1, 0.3) gives [0, 0.3, 0.6, 0.9] like torch.arange, end excluded', () => {
    const t = leafValue({ id: 'x', op: 'input', value: { type: 'arange', start: 0, end: 1, step: 0.3 } });
    expect(Array.from(t.data)).toEqual([0, 0.3, 0.6, 0.9].map((v) => expect.closeTo(v, 15)));
  });

  it('arange(0, -1, 0.5) is a bad_value: the step points away from the end', () => {
    const errors = badValue({ id: 'x', op: 'input', value: { type: 'arange', start: 0, end: -1, step: 0.5 } });
    expect(errors.map((e) => e.code)).toEqual(['bad_value']);
  });

  it('a tensor [2,2] with 3 values, or of rank 5, is a bad_value', () => {
    expect(badValue({ id: 'x', op: 'input', value: { type: 'tensor', shape: [2, 2], data: [1, 2, 3] } }).map((e) => e.code)).toEqual(['bad_value']);
    expect(badValue({ id: 'x', op: 'input', value: { type: 'tensor', shape: [1, 1, 1, 1, 1], data: [1] } }).map((e) => e.code)).toEqual(['bad_value']);
  });

  it('columns x1, y of a 3-row dataset give [3, 2] in row order', () => {
    const t = leafValue(bound(['x1', 'y']), ds);
    expect(t.shape).toEqual([3, 2]);
    expect(Array.from(t.data)).toEqual([1, 3, 4, 6, 7, 9]);
  });

  it('column y bound as a vector gives [3] = [3, 6, 9]; unbound as a vector it gives [3, 1]', () => {
    const v = leafValue(bound(['y'], true), ds);
    expect(v.shape).toEqual([3]);
    expect(Array.from(v.data)).toEqual([3, 6, 9]);
    expect(leafValue(bound(['y']), ds).shape).toEqual([3, 1]);
  });

  it('columns with batchRows = 2 take the first 2 rows: [2, 2]', () => {
    const t = leafValue(bound(['x1', 'x2']), ds, 2);
    expect(t.shape).toEqual([2, 2]);
    expect(Array.from(t.data)).toEqual([1, 2, 4, 5]);
  });

  it('a vector bound to two columns, a missing column or a missing dataset is a bad_value', () => {
    expect(badValue(bound(['x1', 'y'], true)).map((e) => e.code)).toEqual(['bad_value']);
    const missing = badValue(bound(['z']));
    expect(missing.map((e) => e.code)).toEqual(['bad_value']);
    expect(missing[0].message).toContain("'z'");
    expect(badValue(bound(['y'], false, 'nope')).map((e) => e.code)).toEqual(['bad_value']);
  });

  it('input has no gradient unless requiresGrad is set', () => {
    const value = { type: 'tensor' as const, shape: [2], data: [1, 2] };
    const r = compile({ nodes: [{ id: 'a', op: 'input', value }, { id: 'b', op: 'input', value, requiresGrad: true }], edges: [] });
    expect(r.program?.grad('a')).toBeNull();
    expect(Array.from(r.program?.grad('b')?.data ?? [1])).toEqual([0, 0]);
  });
});
