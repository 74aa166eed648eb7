import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph/types';
import { compile } from './compile';
import type { Program } from './program';
import { createOptimizer } from '../optim/index';
import { randomGraphs, type NamedGraph } from '../testing/randomGraph';
import { axisTieGraphs, maxTieGraphs } from '../testing/fixedGraphs';
import { edgeGraphs } from '../testing/edgeGraphs';
import { OPTIMIZER_CASES, trainingGraphs } from '../testing/trainingGraphs';
import { classifier } from '../testing/classifierGraphs';
import { bostonHalfMse, compositeFunction, edge, linearRegression, numericRows, scalarChain } from '../testing/graphs';
import { seededRandom } from '../tensor/random';
import { COURSE_RUNS, courseFile } from '../testing/courseRuns';
import { fileToGraph } from '../format/convert';
import { loadGraphFile } from '../format/load';
import { readdirSync } from 'node:fs';
import { Trainer } from '../train/trainer';

/** The book's examples as the app ships them (public/examples). */
function bookExamples(): NamedGraph[] {
  const dir = new URL('../../public/examples/', import.meta.url);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'index.json')
    .map((name) => {
      const r = loadGraphFile(readFileSync(new URL(name, dir), 'utf8'));
      if (!r.ok) throw new Error(`${name} does not load`);
      return { name: `example ${name}`, graph: fileToGraph(r.file) };
    });
}

/** The differential corpus (as pytorch.test.ts runs it), the book's examples and the course's graphs. */
function corpus(): NamedGraph[] {
  const course = COURSE_RUNS.map((run) => ({ name: run.name, graph: fileToGraph(courseFile(run, readFileSync(new URL(`../../../shared/data/${run.csv}`, import.meta.url), 'utf8'))) }));
  return [
    ...randomGraphs(20240601, 240),
    ...maxTieGraphs(),
    ...axisTieGraphs(),
    ...edgeGraphs(),
    ...trainingGraphs(),
    ...(['bce', 'bce_with_logits', 'cross_entropy'] as const).map((kind) => ({ name: `classifier ${kind}`, graph: classifier(kind) })),
    { name: 'composite function', graph: compositeFunction() },
    { name: 'scalar chain', graph: scalarChain(2000) },
    { name: 'linear regression', graph: linearRegression([[1, 2], [2, 3.5], [3, 7], [4, 8.5], [5, 9]], 0.5, -1) },
    { name: 'Boston, MSE/2', graph: bostonHalfMse(numericRows(readFileSync(new URL('../../../shared/data/boston_rm_price.csv', import.meta.url), 'utf8'))) },
    ...course,
    ...bookExamples(),
    ...[1, 2, 7, 10].flatMap((rows) => [1, 3, 5, 13].map((n) => scaledRegression(rows, n))),
    ...[1, 2, 7, 10].map((rows) => ({ name: `${rows} rows, mse the loss`, graph: { ...scaledRegression(rows, 6).graph, loss: 'mse' } })),
  ];
}

/** linear(n, 1) → mse → ×0.3 on `rows` seeded rows: the fused pair with an upstream gradient that is not a power of two, odd row counts included. */
function scaledRegression(rows: number, n: number): NamedGraph {
  const r = seededRandom(rows * 31 + n);
  const data = Array.from({ length: rows }, () => Array.from({ length: n + 1 }, () => 4 * r() - 2));
  const columns = [...Array.from({ length: n }, (_, i) => `x${i}`), 'y'];
  const graph: Graph = {
    nodes: [
      { id: 'X', op: 'input', value: { type: 'columns', dataset: 'd', columns: columns.slice(0, n) } },
      { id: 'Y', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['y'] } },
      { id: 'lin', op: 'linear', attrs: { inFeatures: n, outFeatures: 1 }, init: { type: 'default', seed: rows } },
      { id: 'mse', op: 'mse', attrs: { reduction: rows % 2 === 0 ? 'mean' : 'sum' } },
      { id: 'k', op: 'scale', attrs: { k: 0.3 } },
    ],
    edges: [edge('X', 'lin'), edge('lin', 'mse', 'input'), edge('Y', 'mse', 'target'), edge('mse', 'k')],
    loss: 'k',
    datasets: { d: { columns, rows: data } },
  };
  return { name: `linear(${n}, 1) → mse → ×0.3 on ${rows} rows`, graph };
}

/** Where two programs' buffers first differ (value, gradient or parameter, compared with Object.is), or null. */
function firstDifference(a: Program, b: Program): string | null {
  for (let k = 0; k < a.slots.length; k++) {
    const [s, t] = [a.slots[k], b.slots[k]];
    for (let i = 0; i < s.value.length; i++) if (!Object.is(s.value[i], t.value[i])) return `value of ${s.id}[${i}]: ${s.value[i]} vs ${t.value[i]}`;
    if ((s.grad === null) !== (t.grad === null)) return `gradient of ${s.id} exists on one side only`;
    if (s.grad && t.grad) for (let i = 0; i < s.grad.length; i++) if (!Object.is(s.grad[i], t.grad[i])) return `gradient of ${s.id}[${i}]: ${s.grad[i]} vs ${t.grad[i]}`;
  }
  for (let k = 0; k < a.params.length; k++) {
    const [p, q] = [a.params[k], b.params[k]];
    for (let i = 0; i < p.value.length; i++) if (!Object.is(p.value[i], q.value[i])) return `${p.node}.${p.name}[${i}]: ${p.value[i]} vs ${q.value[i]}`;
    for (let i = 0; i < p.grad.length; i++) if (!Object.is(p.grad[i], q.grad[i])) return `${p.node}.${p.name} gradient[${i}]: ${p.grad[i]} vs ${q.grad[i]}`;
  }
  return null;
}

/** The error a call throws (its message), or null. */
function thrown(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Runs three SGD steps (momentum, so the update reads the gradient twice) on two compiles of a
 * graph, one interpreted and one compiled, comparing every buffer after each forward and each step.
 */
function compareSteps(name: string, graph: Graph): string[] {
  const a = compile(graph).program;
  const b = compile(graph).program;
  if (!a || !b) return [];
  const compiled = b.compiled();
  if (!compiled) return [`${name}: not compiled`];
  const out: string[] = [];
  const check = (when: string) => {
    const d = firstDifference(a, b);
    if (d) out.push(`${name} (${a.dtype}), ${when}: ${d}`);
  };
  const ea = thrown(() => a.forward());
  const eb = thrown(() => compiled.forward());
  if (ea !== eb) return [`${name}: forward threw ${ea} vs ${eb}`];
  check('forward');
  const oa = createOptimizer({ type: 'sgd', lr: 0.01, momentum: 0.9 }, a.params, [], a.dtype);
  const ob = createOptimizer({ type: 'sgd', lr: 0.01, momentum: 0.9 }, b.params, [], b.dtype);
  for (let step = 0; step < 3 && out.length === 0; step++) {
    oa.zeroGrad();
    ob.zeroGrad();
    const ta = thrown(() => {
      a.forward();
      a.backward();
    });
    const tb = thrown(() => compiled.forwardBackward());
    if (ta !== tb) return [`${name}: step ${step} threw ${ta} vs ${tb}`];
    if (ta !== null) return out;
    check(`step ${step} forward and backward`);
    oa.step();
    ob.step();
    check(`step ${step} update`);
  }
  return out;
}

/** The graph in float32. */
function float32(g: NamedGraph): NamedGraph {
  return { name: g.name, graph: { ...g.graph, dtype: 'float32' } };
}

describe('the compiled step against the interpreter', () => {
  const graphs = corpus();

  it('gives the same values, gradients and parameters, bit for bit, in float64', () => {
    const mismatches = graphs.flatMap((g) => compareSteps(g.name, g.graph));
    expect(mismatches).toEqual([]);
  });

  it('gives the same values, gradients and parameters, bit for bit, in float32', () => {
    const mismatches = graphs.map(float32).flatMap((g) => compareSteps(g.name, g.graph));
    expect(mismatches).toEqual([]);
  });

  it('gives the same training log as the interpreted trainer: loss, accuracy, parameters and optimizer state', () => {
    const boston = bostonHalfMse(numericRows(readFileSync(new URL('../../../shared/data/boston_rm_price.csv', import.meta.url), 'utf8')));
    const cases = [
      ...trainingGraphs(),
      ...(['bce', 'cross_entropy'] as const).map((kind) => ({ name: kind, graph: classifier(kind) })),
      { name: 'Boston', graph: boston },
      ...bookExamples().filter((g) => g.graph.loss !== undefined),
    ];
    for (const dtype of ['float64', 'float32'] as const) {
      for (const { name, graph } of cases) {
        for (const { settings: optimizer } of OPTIMIZER_CASES) {
          for (const batchSize of [null, 5]) {
            const settings = { optimizer, epochs: 4, batchSize, seed: 3, metrics: { accuracy: true } };
            const g = { ...graph, dtype };
            const runs = [new Trainer(g, settings, [], {}, { interpreted: true }), new Trainer(g, settings)];
            for (const t of runs) for (let e = 0; e < settings.epochs && !t.divergence; e++) t.epoch();
            const [ta, tb] = runs;
            const label = `${name} ${dtype} ${optimizer.type} batch ${batchSize}`;
            expect(tb.history.map(String), label).toEqual(ta.history.map(String));
            expect(tb.accuracy.map(String), label).toEqual(ta.accuracy.map(String));
            expect(JSON.stringify(tb.divergence), label).toBe(JSON.stringify(ta.divergence));
            expect(firstDifference(ta.program, tb.program), label).toBeNull();
            expect(JSON.stringify(tb.optimizer.state()), label).toBe(JSON.stringify(ta.optimizer.state()));
          }
        }
      }
    }
  });

  it('names the node an op fails at, as the interpreter does', () => {
    const graph = classifier('cross_entropy');
    const { program } = compile(graph);
    if (!program) throw new Error('no program');
    const labels = program.slots.find((s) => s.id === 'T');
    labels?.value.fill(7);
    const compiled = program.compiled();
    expect(thrown(() => compiled?.forward())).toBe(thrown(() => program.forward()));
    expect(thrown(() => compiled?.forward())).toMatch(/loss/);
  });
});
