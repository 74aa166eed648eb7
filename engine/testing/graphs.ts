import type { Graph, GraphEdge, GraphNode } from '../graph/types';

/** An edge into port `port` of `target` (test shorthand). */
export function edge(source: string, target: string, targetPort = 'x'): GraphEdge {
  return { source, target, targetPort };
}

/** The course's composite function: x = arange(-2, 2.1, 0.25), y = 2x² + 2, z = sum(y). */
export function compositeFunction(): Graph {
  const nodes: GraphNode[] = [
    { id: 'x', op: 'input', value: { type: 'arange', start: -2, end: 2.1, step: 0.25 }, requiresGrad: true },
    { id: 'sq', op: 'square' },
    { id: 'sc', op: 'scale', attrs: { k: 2 } },
    { id: 'ad', op: 'add', attrs: { c: 2 } },
    { id: 'z', op: 'sum' },
  ];
  return { nodes, edges: [edge('x', 'sq'), edge('sq', 'sc'), edge('sc', 'ad', 'a'), edge('ad', 'z')], loss: 'z' };
}

/** A chain of `length` scalar nodes cycling square, scale by 0.5, add 0.1, from x = start. */
export function scalarChain(length: number, start = 0.3): Graph {
  const nodes: GraphNode[] = [{ id: 'x', op: 'input', value: { type: 'tensor', shape: [], data: [start] }, requiresGrad: true }];
  const edges: GraphEdge[] = [];
  let prev = 'x';
  for (let i = 0; i < length; i++) {
    const id = `n${i}`;
    const kind = i % 3;
    nodes.push(
      kind === 0 ? { id, op: 'square' } : kind === 1 ? { id, op: 'scale', attrs: { k: 0.5 } } : { id, op: 'add', attrs: { c: 0.1 } },
    );
    edges.push(edge(prev, id, kind === 2 ? 'a' : 'x'));
    prev = id;
  }
  return { nodes, edges, loss: prev };
}

/** Linear regression `X → linear(1,1) → mse ← Y` on a dataset named `data` with columns x, y. */
export function linearRegression(rows: readonly (readonly number[])[], weight = 1, bias = 1): Graph {
  return {
    nodes: [
      { id: 'X', op: 'input', value: { type: 'columns', dataset: 'data', columns: ['x'] } },
      { id: 'Y', op: 'input', value: { type: 'columns', dataset: 'data', columns: ['y'] } },
      {
        id: 'lin',
        op: 'linear',
        attrs: { inFeatures: 1, outFeatures: 1 },
        params: { weight: { shape: [1, 1], data: Float64Array.of(weight) }, bias: { shape: [1], data: Float64Array.of(bias) } },
      },
      { id: 'loss', op: 'mse' },
    ],
    edges: [edge('X', 'lin'), edge('lin', 'loss', 'input'), edge('Y', 'loss', 'target')],
    loss: 'loss',
    datasets: { data: { columns: ['x', 'y'], rows } },
  };
}

/**
 * The course's Boston run: rooms RM → price PRICE on dataset `boston` (rows of [RM, PRICE]),
 * `X → linear(1,1) → mse → ×0.5` (MSE/2, as the course halves it), weight and bias at 1.0.
 */
export function bostonHalfMse(rows: readonly (readonly number[])[]): Graph {
  return {
    nodes: [
      { id: 'X', op: 'input', value: { type: 'columns', dataset: 'boston', columns: ['RM'] } },
      { id: 'Y', op: 'input', value: { type: 'columns', dataset: 'boston', columns: ['PRICE'] } },
      {
        id: 'linear',
        op: 'linear',
        attrs: { inFeatures: 1, outFeatures: 1 },
        params: { weight: { shape: [1, 1], data: Float64Array.of(1) }, bias: { shape: [1], data: Float64Array.of(1) } },
      },
      { id: 'mse', op: 'mse' },
      { id: 'half', op: 'scale', attrs: { k: 0.5 } },
    ],
    edges: [edge('X', 'linear'), edge('linear', 'mse', 'input'), edge('Y', 'mse', 'target'), edge('mse', 'half')],
    loss: 'half',
    datasets: { boston: { columns: ['RM', 'PRICE'], rows } },
  };
}

/** The rows of a numeric CSV with a header line (the shared data files). */
export function numericRows(csv: string): number[][] {
  return csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(',').map(Number));
}
