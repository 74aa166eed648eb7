import { describe, expect, it } from 'vitest';
import { heatColor, heatMap, listNumbers, matrixDims, previewKind, sparkline } from './preview';

describe('previewKind', () => {
  it('previewKind([]) and previewKind([1, 1]) are scalar', () => {
    expect(previewKind([])).toBe('scalar');
    expect(previewKind([1, 1])).toBe('scalar');
  });
  it('previewKind([17]) and previewKind([17, 1]) are vector', () => {
    expect(previewKind([17])).toBe('vector');
    expect(previewKind([17, 1])).toBe('vector');
  });
  it('previewKind([3, 4]) and previewKind([2, 3, 4]) are matrix', () => {
    expect(previewKind([3, 4])).toBe('matrix');
    expect(previewKind([2, 3, 4])).toBe('matrix');
  });
  it('previewKind([0, 3]) is empty', () => {
    expect(previewKind([0, 3])).toBe('empty');
  });
  it('matrixDims([2, 3, 4]) folds leading axes into rows', () => {
    expect(matrixDims([2, 3, 4])).toEqual({ rows: 6, cols: 4 });
    expect(matrixDims([5, 1, 2])).toEqual({ rows: 5, cols: 2 });
  });
});

describe('sparkline', () => {
  it('on a fixed scale, a doubled vector reaches twice as far from the zero line', () => {
    const one = sparkline([0, 5], 10, 22, { lo: -10, hi: 10 });
    const two = sparkline([0, 10], 10, 22, { lo: -10, hi: 10 });
    expect(one.zeroY).toBe(11);
    expect(one.path).toBe('M0 11L10 6.5');
    expect(two.path).toBe('M0 11L10 2');
  });
  it('on a scale away from 0 (heights 160 … 180), the line fills the plot and has no zero line', () => {
    const s = sparkline([160, 170, 180], 10, 22, { lo: 160, hi: 180 });
    expect(s.path).toBe('M0 20L5 11L10 2');
    expect(s.zeroY).toBeNull();
  });
  it('sparkline([0, 1, 2], 10, 10) runs from bottom-left to top-right', () => {
    const s = sparkline([0, 1, 2], 10, 10);
    expect(s.path).toBe('M0 8L5 5L10 2');
    expect(s).toMatchObject({ min: 0, max: 2, zeroY: 8 });
  });
  it('sparkline of a constant is a flat line in the middle, without a zero line', () => {
    const s = sparkline([3, 3, 3], 10, 10);
    expect(s.path).toBe('M0 5L5 5L10 5');
    expect(s.zeroY).toBeNull();
  });
  it('sparkline([-1, 1]) puts the zero line in the middle', () => {
    expect(sparkline([-1, 1], 10, 10).zeroY).toBe(5);
  });
  it('sparkline breaks the line at NaN and Infinity', () => {
    expect(sparkline([0, NaN, 1, Infinity, 2], 8, 10).path).toBe('M0 8h0.01M4 5h0.01M8 2h0.01');
    expect(sparkline([0, 1, NaN, 2], 6, 10).path).toBe('M0 8L2 5M6 2h0.01');
  });
  it('sparkline of only NaN draws nothing', () => {
    expect(sparkline([NaN, NaN]).path).toBe('');
  });
  it('sparkline of one value draws a dot', () => {
    expect(sparkline([4], 10, 10).path).toBe('M5 5h0.01');
  });
  it('sparkline of a long vector keeps each bucket extreme, so a spike stays visible', () => {
    const data = new Float64Array(10_000);
    data[5000] = 100;
    const s = sparkline(data, 100, 20);
    expect(s.max).toBe(100);
    expect(s.path).toContain(' 2'); // some point reaches the top (y = pad)
    expect(s.path.split(/[ML]/).length - 1).toBeLessThanOrEqual(200);
  });
});

describe('heatMap', () => {
  it('heatMap of a 2×3 matrix keeps every cell in row-major order', () => {
    const h = heatMap([1, 2, 3, 4, 5, -6], 2, 3);
    expect(h.rows).toBe(2);
    expect(h.cols).toBe(3);
    expect(h.cells.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, -6]);
    expect(h.cells[4]).toEqual({ row: 1, col: 1, value: 5 });
    expect(h.maxAbs).toBe(6);
  });
  it('heatMap of a 4×4 matrix with 2 cells per axis averages 2×2 blocks', () => {
    const data = [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4];
    expect(heatMap(data, 4, 4, 2).cells.map((c) => c.value)).toEqual([1, 2, 3, 4]);
  });
  it('heatMap keeps a NaN visible in its block', () => {
    expect(heatMap([1, NaN, 1, 1], 2, 2, 1).cells[0].value).toBeNaN();
  });
});

describe('heatColor', () => {
  it('heatColor(0, 1) is near-white, the ends are full blue and red', () => {
    expect(heatColor(0, 1)).toBe('rgb(248, 248, 248)');
    expect(heatColor(-1, 1)).toBe('rgb(59, 91, 219)');
    expect(heatColor(1, 1)).toBe('rgb(224, 49, 49)');
  });
  it('heatColor clamps beyond maxAbs and colours NaN grey, Infinity full', () => {
    expect(heatColor(5, 1)).toBe(heatColor(1, 1));
    expect(heatColor(NaN, 1)).toBe('rgb(134, 142, 150)');
    expect(heatColor(-Infinity, 1)).toBe(heatColor(-1, 1));
  });
  it('heatColor with maxAbs 0 (an all-zero matrix) is white', () => {
    expect(heatColor(0, 0)).toBe('rgb(248, 248, 248)');
  });
});

describe('listNumbers', () => {
  it('listNumbers([], [85]) is the bare number', () => {
    expect(listNumbers([], [85])).toBe('85');
  });
  it('listNumbers([3], …) lists every number', () => {
    expect(listNumbers([3], [-8, -7.5, 0.1])).toBe('[-8, -7.5, 0.1]');
  });
  it('listNumbers elides past the limit and says how many', () => {
    expect(listNumbers([5], [1, 2, 3, 4, 5], 2)).toBe('[1, 2, … 3 more]');
  });
});
