import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import type { Graph } from '../graph/types';
import { linearRegression } from '../testing/graphs';
import { createOptimizer, type OptimizerSettings } from './index';

const rows = [[1, 2], [2, 4.5], [3, 5.5], [4, 8.1]];

/** Trains `steps` steps from the given parameter values and optimizer state. */
function train(graph: Graph, settings: OptimizerSettings, steps: number, saved: Parameters<typeof createOptimizer>[2] = []) {
  const program = compile(graph).program;
  if (!program) throw new Error('did not compile');
  const opt = createOptimizer(settings, program.params, saved);
  for (let i = 0; i < steps; i++) {
    opt.zeroGrad();
    program.forward();
    program.backward();
    opt.step();
  }
  return { params: program.params.map((p) => p.value[0]), state: structuredClone(opt.state().map((s) => ({ ...s, momentumBuffer: s.momentumBuffer && Array.from(s.momentumBuffer), expAvg: s.expAvg && Array.from(s.expAvg), expAvgSq: s.expAvgSq && Array.from(s.expAvgSq), maxExpAvgSq: s.maxExpAvgSq && Array.from(s.maxExpAvgSq) }))) };
}

describe('createOptimizer with saved state', () => {
  const settings: OptimizerSettings[] = [
    { type: 'sgd', lr: 0.01, momentum: 0.9, nesterov: true },
    { type: 'adam', lr: 0.05, amsgrad: true },
  ];
  it.each(settings)('$type: stopping after 5 steps and continuing from the saved state equals 10 steps straight', (s) => {
    const straight = train(linearRegression(rows, 0.5, 0), s, 10);
    const first = train(linearRegression(rows, 0.5, 0), s, 5);
    const [w, b] = first.params;
    const resumed = train(linearRegression(rows, w, b), s, 5, first.state);
    expect(resumed.params).toEqual(straight.params);
    const fresh = train(linearRegression(rows, w, b), s, 5);
    expect(fresh.params).not.toEqual(straight.params);
  });
});
