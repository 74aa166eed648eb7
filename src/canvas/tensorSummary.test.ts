import { describe, expect, it } from 'vitest';
import { finiteRange, isCentred, leadingNumbers, plotScale, rangeTexts, scaleBound } from './tensorSummary';

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

describe('plotScale', () => {
  it('centres data on both sides of 0, so x.grad = 4x reads ±10 and after a second Backward ±20', () => {
    expect(plotScale(-8, 8)).toEqual({ lo: -10, hi: 10 });
    expect(plotScale(-16, 16)).toEqual({ lo: -20, hi: 20 });
    expect(plotScale(-6.7, 10.3)).toEqual({ lo: -20, hi: 20 });
    expect(isCentred(plotScale(-8, 8))).toBe(true);
  });
  it('runs from 0 for data of one sign near 0, so x² = 0 … 4 uses the whole height and 2x² doubles the scale', () => {
    expect(plotScale(0, 4)).toEqual({ lo: 0, hi: 5 });
    expect(plotScale(0, 8)).toEqual({ lo: 0, hi: 10 });
    expect(plotScale(-3, -1)).toEqual({ lo: -5, hi: 0 });
    expect(isCentred(plotScale(0, 4))).toBe(false);
  });
  it('frames data far from 0 by its own span, so heights 166 … 176 are not a flat line on ±200', () => {
    const heights = plotScale(166, 176);
    expect(heights).toEqual({ lo: 160, hi: 180 });
    // The line spans half the plot's height, where ±200 gave it a fortieth.
    expect((176 - 166) / (heights.hi - heights.lo)).toBe(0.5);
    expect(plotScale(58.7, 75.7)).toEqual({ lo: 50, hi: 80 });
    expect(plotScale(1.52, 1.81)).toEqual({ lo: 1.5, hi: 1.9 });
    expect(plotScale(-176, -166)).toEqual({ lo: -180, hi: -160 });
  });
  it('keeps a heat map centred, all zeros and no finite data at ±1', () => {
    expect(plotScale(166, 176, true)).toEqual({ lo: -200, hi: 200 });
    expect(plotScale(0, 0)).toEqual({ lo: -1, hi: 1 });
    expect(plotScale(NaN, NaN)).toEqual({ lo: -1, hi: 1 });
  });
  it('keeps a constant far from 0 on a scale from 0, where it reads as constant', () => {
    expect(plotScale(170, 170)).toEqual({ lo: 0, hi: 200 });
  });
});

describe('rangeTexts', () => {
  it('writes min and max in full when they fit', () => {
    expect(rangeTexts(-2, 2, 10)).toEqual({ min: '-2', max: '2' });
  });
  it('shortens a pair to fit the line together, keeping the sign and magnitude', () => {
    const r = rangeTexts(-2469.1356, 2469.1356, 10);
    expect(r).toEqual({ min: '-2469', max: '2469' });
    expect(r.min.length + r.max.length).toBeLessThanOrEqual(10);
  });
  it('gives both the same significant digits, so equal-looking values read alike', () => {
    expect(rangeTexts(-3.04832, 3.04832, 11)).toEqual({ min: '-3.048', max: '3.048' });
    expect(rangeTexts(-1.52415, -1.52415, 11)).toEqual({ min: '-1.52', max: '-1.52' });
  });
  it('turns to exponent form for tiny values and never exceeds the room when anything fits', () => {
    expect(rangeTexts(-0.000123456, -0.0000123456, 11)).toEqual({ min: '-1e-4', max: '-1e-5' });
    expect(rangeTexts(-24691.356, 24691.356, 11)).toEqual({ min: '-24691', max: '24691' });
  });
  it('gives a short min’s room to a long max, and a short max’s to a long min', () => {
    expect(rangeTexts(0, 1234.56789, 6)).toEqual({ min: '0', max: '1235' });
    expect(rangeTexts(-0.123456, 0.5, 8)).toEqual({ min: '-0.12', max: '0.5' });
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
