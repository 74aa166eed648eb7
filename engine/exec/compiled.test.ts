import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Graph, GraphEdge, GraphNode } from '../graph/types';
import { compile } from './compile';
import type { Program } from './program';
import { createOptimizer, type OptimizerSettings } from '../optim/index';
import { compiledSources, fusedLayerCounts } from './compiled';
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
    ...[1, 2, 7, 10].flatMap((rows) => [1, 6].map((n) => ({ name: `${rows} rows, linear(${n}, 1), mse the loss`, graph: { ...scaledRegression(rows, n).graph, loss: 'mse' } }))),
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
function compareSteps(name: string, graph: Graph, settings: OptimizerSettings = { type: 'sgd', lr: 0.01, momentum: 0.9 }): string[] {
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
  const oa = createOptimizer(settings, a.params, [], a.dtype);
  const ob = createOptimizer(settings, b.params, [], b.dtype);
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

/** What an MLP's data and layers look like, beyond its widths and activation. */
interface MlpOptions {
  readonly rows: number;
  readonly seed: number;
  /** Every third weight +0, every fifth −0, and every fourth input 0: exact zeros through relu and sums. */
  readonly zeros?: boolean;
}

/** x `[rows, widths[0]]` → (linear → act)… → linear → mse against seeded targets: an MLP of the given widths. */
function mlp(widths: readonly number[], act: string, { rows, seed, zeros = false }: MlpOptions): NamedGraph {
  const r = seededRandom(seed);
  const values = (n: number, scale: number) => Array.from({ length: n }, () => scale * (2 * r() - 1));
  const x = values(rows * widths[0], 1.5).map((v, i) => (zeros && i % 4 === 0 ? 0 : v));
  const nOut = widths[widths.length - 1];
  const nodes: GraphNode[] = [
    { id: 'x', op: 'input', value: { type: 'tensor', shape: [rows, widths[0]], data: x } },
    { id: 't', op: 'input', value: { type: 'tensor', shape: [rows, nOut], data: values(rows * nOut, 1) } },
  ];
  const edges: GraphEdge[] = [];
  let prev = 'x';
  for (let l = 0; l + 1 < widths.length; l++) {
    const [nIn, n] = [widths[l], widths[l + 1]];
    const weight = values(n * nIn, 1 / Math.sqrt(nIn)).map((v, i) => (zeros && i % 5 === 0 ? -0 : zeros && i % 3 === 0 ? 0 : v));
    nodes.push({
      id: `linear${l}`,
      op: 'linear',
      attrs: { inFeatures: nIn, outFeatures: n },
      params: { weight: { shape: [n, nIn], data: Float64Array.from(weight) }, bias: { shape: [n], data: Float64Array.from(values(n, 0.3)) } },
    });
    edges.push(edge(prev, `linear${l}`));
    prev = `linear${l}`;
    if (l + 2 < widths.length) {
      nodes.push({ id: `${act}${l}`, op: act });
      edges.push(edge(prev, `${act}${l}`));
      prev = `${act}${l}`;
    }
  }
  nodes.push({ id: 'loss', op: 'mse' });
  edges.push(edge(prev, 'loss', 'input'), edge('t', 'loss', 'target'));
  return { name: `${rows} rows, ${widths.join('-')} ${act}${zeros ? ' with zeros' : ''}`, graph: { nodes, edges, loss: 'loss' } };
}

/** A graph with one more node reading `from`, its value summed into the loss: a second reader that stops a fusion. */
function withSecondReader(g: NamedGraph, from: string): NamedGraph {
  const nodes: GraphNode[] = [...g.graph.nodes, { id: 'side', op: 'sum' }, { id: 'total', op: 'add' }];
  const edges: GraphEdge[] = [...g.graph.edges, edge(from, 'side'), edge('loss', 'total', 'a'), edge('side', 'total', 'b')];
  return { name: `${g.name}, ${from} also read by a sum`, graph: { ...g.graph, nodes, edges, loss: 'total' } };
}

/** The fused layer counts of a graph's program. */
function counts(graph: Graph): { forward: number; backward: number } {
  const { program } = compile(graph);
  if (!program) throw new Error('did not compile');
  return fusedLayerCounts(program);
}

const ACTIVATIONS = ['relu', 'sigmoid', 'tanh', 'square'] as const;

/** SGD as the trainer offers it: plain, with momentum, with weight decay, with both and Nesterov. */
const SGD_CASES: readonly OptimizerSettings[] = [
  { type: 'sgd', lr: 0.01 },
  { type: 'sgd', lr: 0.01, momentum: 0.9 },
  { type: 'sgd', lr: 0.01, weightDecay: 0.05 },
  { type: 'sgd', lr: 0.01, momentum: 0.8, nesterov: true, weightDecay: 0.02 },
];

describe('the compiled MLP layers (linear → activation fused) against the interpreter', () => {
  // W3's shape, odd row counts (the last pair of rows is one row), one row, more rows than a block,
  // widths that are not multiples of four, a last layer of several outputs (no linear → mse pair).
  const shapes: { widths: number[]; rows: number }[] = [
    { widths: [2, 16, 16, 1], rows: 100 },
    { widths: [3, 5, 1], rows: 7 },
    { widths: [1, 4, 7, 6, 1], rows: 33 },
    { widths: [13, 9, 1], rows: 1 },
    { widths: [2, 6, 3], rows: 65 },
  ];
  const graphs = ACTIVATIONS.flatMap((act) => shapes.map(({ widths, rows }, k) => mlp(widths, act, { rows, seed: 11 * k + act.length })));
  const zeroGraphs = ACTIVATIONS.map((act) => mlp([4, 8, 5, 1], act, { rows: 9, seed: 5, zeros: true }));

  it('fuses every hidden layer forward and backward in float64, none in float32', () => {
    for (const { name, graph } of graphs) {
      const hidden = graph.nodes.filter((n) => (ACTIVATIONS as readonly string[]).includes(n.op)).length;
      expect(counts(graph), name).toEqual({ forward: hidden, backward: hidden });
      expect(counts({ ...graph, dtype: 'float32' }), name).toEqual({ forward: 0, backward: 0 });
    }
  });

  it.each(SGD_CASES)('gives the same values, gradients and parameters bit for bit with %o, float64 and float32', (settings) => {
    const all = [...graphs, ...zeroGraphs];
    const mismatches = [...all, ...all.map(float32)].flatMap((g) => compareSteps(g.name, g.graph, settings));
    expect(mismatches).toEqual([]);
  });

  it('exact zeros (+0 and −0 weights, 0 inputs through relu) come out +0 in every gradient, as the interpreter gives them', () => {
    let [plus, minus] = [0, 0];
    for (const { name, graph } of zeroGraphs) {
      const { program } = compile(graph);
      if (!program) throw new Error(`${name} did not compile`);
      program.forward();
      program.backward();
      for (const slot of program.slots) {
        for (const v of slot.grad ?? []) {
          if (Object.is(v, 0)) plus++;
          if (Object.is(v, -0)) minus++;
        }
      }
      expect(compareSteps(name, graph), name).toEqual([]);
    }
    // Gradients are added into zeroed buffers (0 + −0 is +0), so their exact zeros are all +0;
    // a kernel writing its sums without that addition would leave −0 where a product is −0.
    expect(plus).toBeGreaterThan(0);
    expect(minus).toBe(0);
  });

  it('falls back, with the same numbers, where a layer is read by a second node or its activation reads a leaf', () => {
    const base = mlp([3, 6, 4, 1], 'tanh', { rows: 10, seed: 2 });
    // linear0's output read twice: no forward fusion of layer 0, nor backward of tanh0 into linear1.
    const linearRead = withSecondReader(base, 'linear0');
    expect(counts(linearRead.graph)).toEqual({ forward: 1, backward: 1 });
    // tanh1's output read twice: its gradient has two parts, so linear2 does not make it alone.
    const actRead = withSecondReader(base, 'tanh1');
    expect(counts(actRead.graph)).toEqual({ forward: 2, backward: 1 });
    // An activation straight on a leaf that wants a gradient: leaf gradients accumulate across steps.
    const leaf: Graph = {
      nodes: [
        { id: 'x', op: 'input', requiresGrad: true, value: { type: 'tensor', shape: [5, 2], data: [0.5, -1, 2, 0.25, -0.75, 1.5, 0, 1, -2, 0.3] } },
        { id: 't', op: 'input', value: { type: 'tensor', shape: [5, 1], data: [1, 0, -1, 0.5, 2] } },
        { id: 'sq', op: 'square' },
        { id: 'lin', op: 'linear', attrs: { inFeatures: 2, outFeatures: 1 }, init: { type: 'default', seed: 4 } },
        { id: 'loss', op: 'mse' },
      ],
      edges: [edge('x', 'sq'), edge('sq', 'lin'), edge('lin', 'loss', 'input'), edge('t', 'loss', 'target')],
      loss: 'loss',
    };
    expect(counts(leaf)).toEqual({ forward: 0, backward: 0 });
    for (const settings of SGD_CASES) {
      const graphsToCompare = [linearRead, actRead, { name: 'square on a leaf', graph: leaf }];
      expect(graphsToCompare.flatMap((g) => compareSteps(g.name, g.graph, settings))).toEqual([]);
    }
  });

  it('the differential corpus holds graphs the fusion applies to', () => {
    const fused = corpus().filter((g) => {
      const { program } = compile(g.graph);
      return program !== null && program !== undefined && fusedLayerCounts(program).backward > 0;
    });
    expect(fused.length).toBeGreaterThan(0);
  });
});

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

  it('runs a regression whose mse is the loss as a row loop in its own generated source, with no kernel call', () => {
    for (const n of [1, 6]) {
      const { program } = compile({ ...scaledRegression(7, n).graph, loss: 'mse' });
      if (!program) throw new Error('no program');
      const [, trainForward, trainBackward] = compiledSources(program);
      expect(trainForward).toMatch(/for \(let r = 0; r < 7; r = r \+ 1\)/);
      expect(`${trainForward}${trainBackward ?? ''}`).not.toMatch(/t[0-9]+\(t[0-9]+/);
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
