import { describe, expect, it } from 'vitest';
import { formatNumber, formatValues, MAX_SHOWN } from './format';

describe('formatNumber', () => {
  it('formatNumber(v) trims zeros and keeps 6 significant digits', () => {
    expect(formatNumber(85)).toBe('85');
    expect(formatNumber(-1.75)).toBe('-1.75');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(100000)).toBe('100000');
  });

  it('formatNumber(tiny or huge) uses exponent notation', () => {
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(2e10)).toBe('2e+10');
  });

  it('formatNumber(nan, ±inf) prints them as PyTorch does', () => {
    expect(formatNumber(NaN)).toBe('nan');
    expect(formatNumber(Infinity)).toBe('inf');
    expect(formatNumber(-Infinity)).toBe('-inf');
  });
});

describe('formatValues', () => {
  it('formatValues([], [85]) is the bare number', () => {
    expect(formatValues([], [85])).toBe('85');
  });

  it('formatValues([3], …) lists the elements in brackets', () => {
    expect(formatValues([3], [-8, 0, 8])).toBe('[-8, 0, 8]');
  });

  it('formatValues(long) elides past MAX_SHOWN', () => {
    const data = Array.from({ length: MAX_SHOWN + 5 }, (_, i) => i);
    expect(formatValues([data.length], data)).toMatch(/, 31, … 5 more\]$/);
  });
});
