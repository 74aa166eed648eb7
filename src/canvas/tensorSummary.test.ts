import { describe, expect, it } from 'vitest';
import { finiteRange, leadingNumbers, scaleBound } from './tensorSummary';

describe('finiteRange', () => {
  it('skips non-finite elements', () => {
    expect(finiteRange([3, NaN, -1, Infinity, 2])).toEqual({ min: -1, max: 3 });
  });
  it('is NaN without finite elements', () => {
    expect(finiteRange([NaN])).toEqual({ min: NaN, max: NaN });
  });
});

describe('scaleBound', () => {
  it('rounds up to 1, 2 or 5 × 10ⁿ, so a doubled gradient gets a doubled scale', () => {
    expect(scaleBound(8)).toBe(10);
    expect(scaleBound(16)).toBe(20);
    expect(scaleBound(2)).toBe(2);
    expect(scaleBound(85)).toBe(100);
    expect(scaleBound(0.3)).toBeCloseTo(0.5);
    expect(scaleBound(0)).toBe(1);
  });
});

describe('leadingNumbers', () => {
  it('lists the first elements that fit, then an ellipsis', () => {
    expect(leadingNumbers([-2, -1.75, -1.5, -1.25], 18)).toBe('-2, -1.75, -1.5, …');
    expect(leadingNumbers([1, 2], 18)).toBe('1, 2');
  });
  it('always shows the first element', () => {
    expect(leadingNumbers([1.23456789e-10, 2], 4)).toBe('1.23457e-10, …');
  });
});
