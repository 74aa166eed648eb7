import { describe, expect, it } from 'vitest';
import { BUILTIN_NAMES, builtinDataset } from './builtin';

describe('builtinDataset', () => {
  it.each(BUILTIN_NAMES)('builtinDataset(%s) gives the same numbers every time, with a role per column', (name) => {
    const a = builtinDataset(name);
    expect(builtinDataset(name)).toEqual(a);
    expect(Object.keys(a.roles).sort()).toEqual([...a.dataset.columns].sort());
    expect(a.dataset.rows.every((r) => r.length === a.dataset.columns.length && r.every(Number.isFinite))).toBe(true);
  });

  it('builtinDataset(line) lies near y = 2x + 1', () => {
    const { rows } = builtinDataset('line').dataset;
    expect(rows).toHaveLength(40);
    const residual = rows.reduce((s, [x, y]) => s + (y - (2 * x + 1)) ** 2, 0) / rows.length;
    expect(residual).toBeGreaterThan(0.01);
    expect(residual).toBeLessThan(0.3);
  });

  it('builtinDataset(parabola) lies near y = x² − 1', () => {
    const { rows } = builtinDataset('parabola').dataset;
    const residual = rows.reduce((s, [x, y]) => s + (y - (x * x - 1)) ** 2, 0) / rows.length;
    expect(residual).toBeLessThan(0.2);
  });

  it('builtinDataset(blobs3) has 30 points of each class 0, 1, 2 around distinct centres', () => {
    const { rows } = builtinDataset('blobs3').dataset;
    for (const k of [0, 1, 2]) expect(rows.filter((r) => r[2] === k)).toHaveLength(30);
    const mean = (k: number, j: number) => rows.filter((r) => r[2] === k).reduce((s, r) => s + r[j], 0) / 30;
    expect(mean(0, 0)).toBeLessThan(-1);
    expect(mean(1, 0)).toBeGreaterThan(1);
    expect(mean(2, 1)).toBeGreaterThan(1);
  });

  it('builtinDataset(blobs2) labels two classes 0 and 1', () => {
    expect(new Set(builtinDataset('blobs2').dataset.rows.map((r) => r[2]))).toEqual(new Set([0, 1]));
  });
});
