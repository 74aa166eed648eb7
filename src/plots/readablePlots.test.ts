import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphFile } from '../../engine';
import { regressionAxes, spaceOf } from './axisSpace';
import { dataModelSetup, regressionPoints } from './dataModel';
import { edgePoints } from './lossSeries';
import { autoScale, fitTickLabels, frame, yScale, yTickLabels } from './scales';
import { compiled } from './testGraphs';

const example = (name: string) => JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')) as GraphFile;

describe('the loss axis scale', () => {
  it('autoScale: log once the losses span more than 1e4, linear below it', () => {
    expect(autoScale([1, 2, 3])).toBe('linear');
    expect(autoScale([1, 1e4])).toBe('linear');
    expect(autoScale([1, 1.0001e4])).toBe('log');
    // A diverging run: 112 up to 1e305, then inf and nan (those are marked at the edge, not scaled).
    expect(autoScale([112, 1e10, 1e305, Infinity, NaN])).toBe('log');
    expect(autoScale([1e-8, 1])).toBe('log');
  });

  it('autoScale stays linear when a loss is 0 or negative (a log axis cannot place it) or there are none', () => {
    expect(autoScale([0, 1e6])).toBe('linear');
    expect(autoScale([-1, 1e6])).toBe('linear');
    expect(autoScale([])).toBe('linear');
    expect(autoScale([NaN, Infinity])).toBe('linear');
  });

  it('a log axis over a run reaching 1e305 has tick labels 1e+50 … 1e+300 (not a flat line at 0)', () => {
    const y = yScale([112, 1e100, 1e305], frame(600, 250), 'log');
    const labels = yTickLabels(y).filter((l) => l !== '');
    expect(labels).toContain('1e+100');
    expect(labels).toContain('1e+300');
    expect(y(1e100)).toBeGreaterThan(y(1e300));
    expect(y(1e100)).toBeLessThan(y(112));
  });

  it('edgePoints keeps inf and nan as markers at the top, -inf and (on a log axis) 0 at the bottom', () => {
    expect(edgePoints([1, Infinity, NaN, 2, -Infinity], 'linear')).toEqual([
      { epoch: 2, loss: Infinity, edge: 'top' },
      { epoch: 3, loss: NaN, edge: 'top' },
      { epoch: 5, loss: -Infinity, edge: 'bottom' },
    ]);
    expect(edgePoints([1, 0, null], 'log')).toEqual([{ epoch: 2, loss: 0, edge: 'bottom' }]);
    expect(edgePoints([1, 0], 'linear')).toEqual([]);
    expect(edgePoints(Array.from({ length: 1000 }, () => NaN), 'linear', 200)).toHaveLength(200);
  });

  it('fitTickLabels widens the left margin for wide tick labels and never narrows it', () => {
    const f = frame(600, 250);
    expect(fitTickLabels(f, ['0', '0.5', '1'])).toBe(f);
    const wide = fitTickLabels(f, ['-0.000123456']);
    expect(wide.margin.left).toBeGreaterThan(12 * 6);
  });
});

describe('the data plot uses one space on both axes', () => {
  it('the height/weight example (X = height − mean, Y = weight − mean): x is centred X, y is centred Y', () => {
    const doc = example('linear-regression-module');
    const setup = dataModelSetup(doc);
    if (setup.type !== 'regression') throw new Error('expected regression');
    expect(setup.axes).toEqual({ x: { node: 'X', column: 'height_cm', space: 'centred' }, y: { node: 'Y', column: 'weight_kg', space: 'centred' } });
    const pts = regressionPoints(compiled(doc), setup);
    // Centred: the x values average 0, as the y values do.
    expect(Math.abs(pts.reduce((a, p) => a + p.x, 0))).toBeLessThan(1e-9);
    expect(Math.abs(pts.reduce((a, p) => a + p.y, 0))).toBeLessThan(1e-9);
  });

  it('a raw target keeps the raw feature on x; spaceOf tells raw, centred and computed apart', () => {
    const doc = example('linear-regression-module');
    expect(regressionAxes(doc, 'height', 'height_cm', 'weight', 'linear').x).toEqual({ node: 'height', column: 'height_cm', space: 'raw' });
    expect(spaceOf(doc, 'height')).toBe('raw');
    expect(spaceOf(doc, 'X')).toBe('centred');
    expect(spaceOf(doc, 'linear')).toBe('computed');
  });
});
