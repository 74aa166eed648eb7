import { describe, expect, it } from 'vitest';
import type { OptimizerTrailPoint } from '../session/runHistory';
import { stateSeries, statefulParams } from './optimizerSeries';
import { elementKey, indexLabel, paramElements } from './paramChoices';
import { compiled, linearDoc } from './testGraphs';

describe('optimizerSeries', () => {
  const trail: OptimizerTrailPoint[] = [
    { epoch: 1, state: { 'linear.weight': { expAvg: [0.1, 0.2], expAvgSq: [0.01, 0.04] }, 'linear.bias': {} } },
    { epoch: 2, state: { 'linear.weight': { expAvg: [0.15, NaN], expAvgSq: [0.02, 0.05] } } },
  ];
  it('statefulParams lists parameters with any state', () => {
    expect(statefulParams(trail)).toEqual(['linear.weight']);
  });
  it('stateSeries gives one series per state and element, dropping nan', () => {
    const s = stateSeries(trail, 'linear.weight');
    expect(s.map((x) => `${x.kind}${x.index}:${x.points.length}`)).toEqual(['expAvg0:2', 'expAvg1:1', 'expAvgSq0:2', 'expAvgSq1:2']);
    expect(stateSeries([{ epoch: 1, state: { W: { momentumBuffer: [3] } } }], 'W')).toEqual([{ kind: 'momentumBuffer', index: 0, points: [{ epoch: 1, v: 3 }] }]);
  });
});

describe('paramChoices', () => {
  it('indexLabel writes the multi-index of a flat index', () => {
    expect(indexLabel([2, 3], 4)).toBe('[1,1]');
    expect(indexLabel([5], 4)).toBe('[4]');
  });
  it('paramElements labels one-element tensors by name and keys them node.name#i', () => {
    const e = paramElements(compiled(linearDoc(true)).params);
    expect(e.map((x) => x.label)).toEqual(['linear.weight[0,0]', 'linear.weight[0,1]', 'linear.bias']);
    expect(elementKey(e[1])).toBe('linear.weight#1');
  });
});
