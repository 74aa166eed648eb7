import { describe, expect, it } from 'vitest';
import { indexText, rowLabel, tableShape } from './tensorLayout';

describe('tensorLayout', () => {
  it('tableShape lays a scalar in one cell, a vector down one column, a matrix as itself', () => {
    expect(tableShape([])).toEqual({ rows: 1, cols: 1 });
    expect(tableShape([17])).toEqual({ rows: 17, cols: 1 });
    expect(tableShape([2, 3])).toEqual({ rows: 2, cols: 3 });
  });

  it('tableShape([2, 3, 4]) has 6 rows of the last axis', () => {
    expect(tableShape([2, 3, 4])).toEqual({ rows: 6, cols: 4 });
  });

  it('indexText gives the row-major index as PyTorch prints it', () => {
    expect(indexText([], 0)).toBe('');
    expect(indexText([17], 5)).toBe('[5]');
    expect(indexText([2, 3], 4)).toBe('[1, 1]');
    expect(indexText([2, 3, 4], 23)).toBe('[1, 2, 3]');
  });

  it('rowLabel numbers matrix rows and indexes the leading axes of higher ranks', () => {
    expect(rowLabel([2, 3], 1)).toBe('1');
    expect(rowLabel([2, 3, 4], 4)).toBe('[1, 1]');
  });
});
