import { describe, expect, it } from 'vitest';
import type { ParamValues } from '../session/runHistory';
import { cellCentres, contourLevels, lossContours, lossGrid, projectTrail, roundOut, windowAround } from './landscape';
import { paramElements } from './paramChoices';
import { compiled, linearDoc } from './testGraphs';

describe('landscape', () => {
  it('cellCentres(lo, hi, n) samples the middle of each cell', () => {
    expect(Array.from(cellCentres(0, 4, 4))).toEqual([0.5, 1.5, 2.5, 3.5]);
  });
  it('roundOut widens an interval to a round step', () => {
    expect(roundOut(0.13, 0.87)).toEqual([0.1, 0.9]);
    expect(roundOut(-3.2, 7.1)).toEqual([-5, 10]);
  });
  it('windowAround(points) contains every point with room around it', () => {
    const w = windowAround([
      [0, 0],
      [2, 1],
    ]);
    expect(w.x[0]).toBeLessThan(0);
    expect(w.x[1]).toBeGreaterThan(2);
    expect(w.y[0]).toBeLessThan(0);
    expect(w.y[1]).toBeGreaterThan(1);
    expect(windowAround([])).toEqual({ x: [-1, 1], y: [-1, 1] });
  });
  it('lossGrid(copy, weight, bias) is the mse at each grid point, and restores the parameters', () => {
    const p = compiled(linearDoc());
    const [w, b] = paramElements(p.params);
    expect([w.label, b.label]).toEqual(['linear.weight', 'linear.bias']);
    const grid = lossGrid(p, w, b, { x: [0, 4], y: [-2, 2] }, 4);
    // At (w, b) = (xs[i], ys[j]) the loss is the mean of (w·x + b − y)² over the four rows.
    const data = [
      [2, 5],
      [0, 1],
      [1, 3],
      [-1, -1],
    ];
    const mse = (wv: number, bv: number) => data.reduce((s, [x, y]) => s + (wv * x + bv - y) ** 2, 0) / data.length;
    for (let j = 0; j < 4; j++) for (let i = 0; i < 4; i++) expect(grid.values[j * 4 + i]).toBeCloseTo(mse(grid.xs[i], grid.ys[j]), 12);
    expect(grid.min).toBe(Math.min(...grid.values));
    expect(Array.from(p.params[0].value)).toEqual([0]);
    expect(p.lossValue()).toBeCloseTo(mse(0, 0), 12);
  });
  it('the loss at the true line (w=2, b=1) is the smallest on a grid through it', () => {
    const p = compiled(linearDoc());
    const [w, b] = paramElements(p.params);
    const grid = lossGrid(p, w, b, { x: [1.5, 2.5], y: [0.5, 1.5] }, 5);
    expect(grid.values[2 * 5 + 2]).toBeCloseTo(0, 12);
    expect(grid.min).toBeCloseTo(0, 12);
  });
  it('contourLevels are geometric over a wide range and even over a narrow one', () => {
    const g = contourLevels(0.01, 100, 4);
    expect(g[1] / g[0]).toBeCloseTo(g[3] / g[2]);
    expect(contourLevels(1, 2, 2)).toEqual([1.25, 1.75]);
  });
  it('lossContours(grid) gives one multipolygon per level', () => {
    const p = compiled(linearDoc());
    const [w, b] = paramElements(p.params);
    const grid = lossGrid(p, w, b, { x: [0, 4], y: [-2, 4] }, 16);
    const polys = lossContours(grid, 8);
    expect(polys).toHaveLength(8);
    expect(polys.some((q) => q.coordinates.length > 0)).toBe(true);
  });
  it('projectTrail(trail, a, b) takes the two elements and skips samples missing one or not finite', () => {
    const trail: { epoch: number; params: ParamValues }[] = [
      { epoch: 1, params: { 'linear.weight': [1, 5], 'linear.bias': [0.5] } },
      { epoch: 2, params: { 'linear.weight': [2, 6] } },
      { epoch: 3, params: { 'linear.weight': [NaN, 7], 'linear.bias': [1] } },
      { epoch: 4, params: { 'linear.weight': [3, 8], 'linear.bias': [1.5] } },
    ];
    expect(projectTrail(trail, { param: 'linear.weight', index: 1 }, { param: 'linear.bias', index: 0 })).toEqual([
      { epoch: 1, x: 5, y: 0.5 },
      { epoch: 3, x: 7, y: 1 },
      { epoch: 4, x: 8, y: 1.5 },
    ]);
    expect(projectTrail(trail, { param: 'linear.weight', index: 0 }, { param: 'linear.bias', index: 0 })).toHaveLength(2);
  });
});
