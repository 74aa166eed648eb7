import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { EngineError, type Program } from '../exec/program';
import { validationGraph } from '../graph/validation';
import { classifier } from '../testing/classifierGraphs';
import { AccuracyMeter } from './metrics';
import { ValidationRun } from './validation';

const trained = (graph: ReturnType<typeof classifier>): Program => compile(graph).program as Program;

describe('ValidationRun', () => {
  it('evaluates the loss and accuracy on pts_test with the training program\'s own parameters, as they change', () => {
    const graph = classifier('bce');
    const p = trained(graph);
    const run = ValidationRun.of(graph, p, { accuracy: true });
    expect(run?.datasets).toEqual(['pts']);
    // The same numbers from a separate program of the validation graph with the same parameter values.
    const reference = () => {
      const q = compile(validationGraph(graph) ?? graph).program as Program;
      q.params.forEach((slot, i) => slot.value.set(p.params[i].value));
      q.forward();
      const meter = new AccuracyMeter(q);
      meter.add(q);
      return { loss: q.lossValue(), accuracy: meter.take() };
    };
    const first = run?.evaluate();
    expect(first).toEqual(reference());
    for (const slot of p.params) slot.value.fill(0.3);
    const now = reference();
    expect(run?.evaluate()).toEqual(now);
    expect(now.loss).not.toBe(first?.loss);
    expect(run?.program.value('X').shape).toEqual([9, 2]);
  });

  it('without accuracy reports only the loss', () => {
    const graph = classifier('cross_entropy');
    expect(Object.keys(ValidationRun.of(graph, trained(graph))?.evaluate() ?? {})).toEqual(['loss']);
  });

  it('is null for a graph whose datasets have no split', () => {
    const graph = classifier('bce', 24, 0);
    expect(ValidationRun.of(graph, trained(graph))).toBeNull();
  });

  it('a split without a column the inputs read → an EngineError naming pts_test and the column', () => {
    const graph = classifier('bce');
    const broken = { ...graph, datasets: { ...graph.datasets, pts_test: { columns: ['x1', 'label'], rows: [[1, 0]] } } };
    const run = () => ValidationRun.of(broken, trained(graph));
    expect(run).toThrow(EngineError);
    expect(run).toThrow(/^the validation data \(pts_test\) does not fit the graph: X: dataset 'pts_test' has no column 'x2'/);
  });
});
