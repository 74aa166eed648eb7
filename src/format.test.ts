import { describe, expect, it } from 'vitest';
import { formatExact, formatNumber, formatNumberWithin, numbersJson } from './format';

describe('formatNumber', () => {
  it('formatNumber(v) trims zeros and keeps 6 significant digits', () => {
    expect(formatNumber(85)).toBe('85');
    expect(formatNumber(-1.75)).toBe('-1.75');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(1.23456789)).toBe('1.23457');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(100000)).toBe('100000');
    expect(formatNumber(0.0001)).toBe('0.0001');
  });

  it('formatNumber(tiny or huge) uses exponent notation with the mantissa trimmed', () => {
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(0.00001234)).toBe('1.234e-5');
    expect(formatNumber(2e10)).toBe('2e+10');
    expect(formatNumber(1234567)).toBe('1.23457e+6');
  });

  it('formatNumber(999999.7) → 1e+6: a value that rounds up to 1e6 is written like 1e6', () => {
    expect(formatNumber(999999.7)).toBe('1e+6');
    expect(formatNumber(-999999.7)).toBe('-1e+6');
    expect(formatNumber(0.000099999999)).toBe('0.0001');
  });

  it('formatNumber(nan, ±inf) prints them as PyTorch does', () => {
    expect(formatNumber(NaN)).toBe('nan');
    expect(formatNumber(Infinity)).toBe('inf');
    expect(formatNumber(-Infinity)).toBe('-inf');
  });

  it('formatNumber(v, 4) → four significant digits for a sentence, in plain decimals below 1e6', () => {
    expect(formatNumber(12.643812, 4)).toBe('12.64');
    expect(formatNumber(85, 4)).toBe('85');
    expect(formatNumber(0.5, 4)).toBe('0.5');
    expect(formatNumber(12345.6, 4)).toBe('12350');
    expect(formatNumber(0.2, 3)).toBe('0.2');
    expect(formatNumber(1.23456e-10, 3)).toBe('1.23e-10');
  });
});

describe('numbersJson', () => {
  it('numbersJson writes exact numbers and names the non-finite ones as the file format does', () => {
    expect(JSON.parse(numbersJson(Float64Array.of(0.1, NaN, Infinity, -Infinity)))).toEqual([0.1, 'NaN', 'Infinity', '-Infinity']);
  });

  it('numbersJson(data, 2) → the first two only', () => {
    expect(numbersJson([1, 2, 3], 2)).toBe('[1,2]');
  });
});

describe('formatExact', () => {
  it('formatExact(v) reads back as the same float, -0 as 0', () => {
    for (const v of [0.1 + 0.2, -1.75, 1e-20, 123456789.123]) expect(Number(formatExact(v))).toBe(v);
    expect(formatExact(-0)).toBe('0');
  });

  it('formatExact(nan, ±inf) → nan, inf, -inf, as formatNumber shows them', () => {
    expect([NaN, Infinity, -Infinity].map(formatExact)).toEqual(['nan', 'inf', '-inf']);
  });
});

describe('formatNumberWithin', () => {
  it('keeps full precision when it fits', () => {
    expect(formatNumberWithin(-1.75, 8)).toBe('-1.75');
    expect(formatNumberWithin(24691.356, 8)).toBe('24691.4');
  });
  it('drops significant digits until the text fits', () => {
    expect(formatNumberWithin(24691.356, 5)).toBe('24691');
    expect(formatNumberWithin(-0.123456, 5)).toBe('-0.12');
    expect(formatNumberWithin(1.23456789e10, 7)).toBe('1.2e+10');
  });
  it('turns to exponent form when plain decimals cannot fit', () => {
    expect(formatNumberWithin(-0.000123456, 5)).toBe('-1e-4');
    expect(formatNumberWithin(-0.000123456, 7)).toBe('-1.2e-4');
    expect(formatNumberWithin(-0.000123456, 8)).toBe('-1.23e-4');
    expect(formatNumberWithin(50000, 4)).toBe('5e+4');
    expect(formatNumberWithin(50000, 5)).toBe('50000');
  });
  it('gives its shortest form when nothing fits, and never loses nan or inf', () => {
    expect(formatNumberWithin(1.23456789e10, 3)).toBe('1e+10');
    expect(formatNumberWithin(NaN, 2)).toBe('nan');
    expect(formatNumberWithin(-Infinity, 2)).toBe('-inf');
  });
});
