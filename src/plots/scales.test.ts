import { describe, expect, it } from 'vitest';
import { scaleLinear, scaleLog } from 'd3-scale';
import { drawable, frame, logExtent, nearestIndex, paddedExtent, tickLabel, yScale } from './scales';

describe('scales', () => {
  it('paddedExtent(values) pads the span and skips inf and nan', () => {
    expect(paddedExtent([0, 10, Infinity, NaN], 0.1)).toEqual([-1, 11]);
  });
  it('paddedExtent of one value or none gives a non-empty domain', () => {
    expect(paddedExtent([4])).toEqual([2, 6]);
    expect(paddedExtent([0])).toEqual([-0.5, 0.5]);
    expect(paddedExtent([])).toEqual([0, 1]);
  });
  it('logExtent(values) keeps positive values only', () => {
    expect(logExtent([-1, 0, 0.01, 100])).toEqual([0.01, 100]);
    expect(logExtent([0, -2])).toEqual([1e-3, 1]);
  });
  it('yScale(log) maps the largest loss to the top of the plot', () => {
    const f = frame(300, 200);
    const y = yScale([0.001, 1000], f, 'log');
    expect(y(1000)).toBeCloseTo(f.margin.top);
    expect(y(0.001)).toBeCloseTo(f.height - f.margin.bottom);
  });
  it('drawable(v, log) refuses zero, negatives and non-finite values', () => {
    expect(drawable(0, 'log')).toBe(false);
    expect(drawable(0, 'linear')).toBe(true);
    expect(drawable(NaN, 'linear')).toBe(false);
  });
  it('tickLabel(linear scale) writes every tick as formatNumber does: 0, 0.2, … 1 and 2e+6', () => {
    const x = scaleLinear().domain([0, 1]);
    expect(x.ticks(5).map(tickLabel(x, 5))).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    const big = scaleLinear().domain([0, 4e6]);
    expect(tickLabel(big, 2)(2e6)).toBe('2e+6');
  });
  it('tickLabel(log scale) labels the powers of ten and leaves the ticks d3 leaves blank', () => {
    const y = scaleLog().domain([1, 100]);
    const labels = y.ticks(5).map(tickLabel(y, 5));
    expect(labels.slice(0, 4)).toEqual(['1', '2', '', '']);
    expect(labels.slice(-2)).toEqual(['', '100']);
  });
  it('nearestIndex finds the closest sorted sample', () => {
    expect(nearestIndex([1, 2, 3, 10], 6)).toBe(2);
    expect(nearestIndex([1, 2, 3, 10], 7)).toBe(3);
    expect(nearestIndex([], 7)).toBe(-1);
  });
});
