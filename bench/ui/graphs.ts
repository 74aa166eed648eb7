import { readFileSync } from 'node:fs';
import type { GraphFile } from '../../engine';

/** Nodes per chain of the pan graphs: an input, then tanh and scale by turns. */
export const CHAIN_LENGTH = 10;
/** Room between nodes on the canvas, in flow px (a node is 176 px wide). */
const STEP_X = 220;
const STEP_Y = 160;

/** How wide the parallel chains are, in flow px: from the first node's left edge to the last one's right. */
export const CHAINS_WIDTH = (CHAIN_LENGTH - 1) * STEP_X + 176;

const TRAINING: GraphFile['training'] = { epochs: 1, batchSize: null, seed: 0, optimizer: { type: 'sgd', lr: 0.1 } };

/** A graph file with the bench's defaults. */
function graph(name: string, nodes: GraphFile['nodes'], edges: GraphFile['edges'], loss: string | null, datasets: GraphFile['datasets'] = {}): GraphFile {
  return { format: 'gradcanvas-graph', version: 1, name, nodes, edges, loss, datasets, training: TRAINING } as GraphFile;
}

/**
 * `count` nodes as parallel scalar chains of CHAIN_LENGTH, one chain per row (`c<row>_<i>`):
 * x = row/100 (a scalar input), then tanh and scale 1.5 by turns; the graph the canvas is panned on.
 */
export function parallelChains(count: number): GraphFile {
  const rows = Math.ceil(count / CHAIN_LENGTH);
  const nodes: GraphFile['nodes'] = [];
  const edges: GraphFile['edges'] = [];
  for (let r = 0; r < rows; r++) {
    for (let i = 0; i < CHAIN_LENGTH && nodes.length < count; i++) {
      const id = `c${r}_${i}`;
      const position = { x: i * STEP_X, y: r * STEP_Y };
      if (i === 0) nodes.push({ id, op: 'input', position, value: { type: 'tensor', shape: [], data: [r / 100] } } as GraphFile['nodes'][number]);
      else nodes.push({ id, op: i % 2 === 1 ? 'tanh' : 'scale', position, ...(i % 2 === 0 ? { attrs: { k: 1.5 } } : {}) } as GraphFile['nodes'][number]);
      if (i > 0) edges.push({ source: `c${r}_${i - 1}`, target: id, targetPort: 'x' });
    }
  }
  return graph(`${count} nodes in chains`, nodes, edges, null);
}

/** The 50-node graph Play is timed on: x = arange(-2, 2.1, 0.25), 48 tanh/scale nodes, sum. */
export function playGraph(): GraphFile {
  const nodes = [{ id: 'x', op: 'input', position: { x: 0, y: 0 }, value: { type: 'arange', start: -2, end: 2.1, step: 0.25 }, requiresGrad: true }] as GraphFile['nodes'];
  const edges: GraphFile['edges'] = [];
  for (let i = 1; i < 49; i++) {
    const op = i % 2 === 1 ? 'tanh' : 'scale';
    nodes.push({ id: `n${i}`, op, position: { x: (i % 10) * STEP_X, y: Math.floor(i / 10) * STEP_Y }, ...(op === 'scale' ? { attrs: { k: 1.5 } } : {}) } as GraphFile['nodes'][number]);
    edges.push({ source: i === 1 ? 'x' : `n${i - 1}`, target: `n${i}`, targetPort: 'x' });
  }
  nodes.push({ id: 'loss', op: 'sum', position: { x: 10 * STEP_X, y: 5 * STEP_Y } } as GraphFile['nodes'][number]);
  edges.push({ source: 'n48', target: 'loss', targetPort: 'x' });
  return graph('Fifty nodes', nodes, edges, 'loss');
}

/**
 * The book's Boston run (Boston RM+LSTAT → PRICE, linear(2,1) from weight and bias 1, MSE/2,
 * SGD lr 0.001) for `epochs` epochs, read from the course's CSV at `csvPath`.
 */
export function bostonGraph(csvPath: string, epochs: number): GraphFile {
  const [header, ...lines] = readFileSync(csvPath, 'utf8').trim().split('\n');
  const at = (x: number, y: number) => ({ x, y });
  const file = graph(
    'Boston RM+LSTAT, MSE/2',
    [
      { id: 'X', op: 'input', position: at(0, 0), value: { type: 'columns', dataset: 'boston', columns: ['RM', 'LSTAT'] } },
      { id: 'Y', op: 'input', position: at(0, 220), value: { type: 'columns', dataset: 'boston', columns: ['PRICE'] } },
      { id: 'linear', op: 'linear', position: at(260, 0), attrs: { inFeatures: 2, outFeatures: 1 }, params: { weight: { shape: [1, 2], data: [1, 1] }, bias: { shape: [1], data: [1] } } },
      { id: 'mse', op: 'mse', position: at(520, 110) },
      { id: 'half', op: 'scale', position: at(760, 110), attrs: { k: 0.5 } },
    ] as GraphFile['nodes'],
    [
      { source: 'X', target: 'linear', targetPort: 'x' },
      { source: 'linear', target: 'mse', targetPort: 'input' },
      { source: 'Y', target: 'mse', targetPort: 'target' },
      { source: 'mse', target: 'half', targetPort: 'x' },
    ],
    'half',
    { boston: { columns: header.split(','), rows: lines.map((l) => l.split(',').map(Number)) } } as GraphFile['datasets'],
  );
  return { ...file, training: { optimizer: { type: 'sgd', lr: 0.001 }, epochs, batchSize: null, seed: 0 } } as GraphFile;
}

/**
 * The graph trained while every plot is timed: Boston RM → PRICE (the course's CSV at
 * `csvPath`), the last 106 rows as the `boston_test` split (so the loss curve has a test line),
 * linear(1,1) from weight and bias 1, MSE (the data plot reads the loss node's
 * input and target), Adam lr 0.01 (so the optimizer plot has moments)
 * for `epochs` epochs. One feature, so the data plot draws points and the fitted line, the
 * function plot has a 1-D input, and the landscape has two parameters.
 */
export function plotsGraph(csvPath: string, epochs: number): GraphFile {
  const [header, ...lines] = readFileSync(csvPath, 'utf8').trim().split('\n');
  const rows = lines.map((l) => l.split(',').map(Number));
  const cut = rows.length - 106;
  const at = (x: number, y: number) => ({ x, y });
  const file = graph(
    'Boston RM, MSE, Adam, with a test split',
    [
      { id: 'X', op: 'input', position: at(0, 0), value: { type: 'columns', dataset: 'boston', columns: ['RM'] } },
      { id: 'Y', op: 'input', position: at(0, 220), value: { type: 'columns', dataset: 'boston', columns: ['PRICE'] } },
      { id: 'linear', op: 'linear', position: at(260, 0), attrs: { inFeatures: 1, outFeatures: 1 }, params: { weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } } },
      { id: 'mse', op: 'mse', position: at(520, 110) },
    ] as GraphFile['nodes'],
    [
      { source: 'X', target: 'linear', targetPort: 'x' },
      { source: 'linear', target: 'mse', targetPort: 'input' },
      { source: 'Y', target: 'mse', targetPort: 'target' },
    ],
    'mse',
    { boston: { columns: header.split(','), rows: rows.slice(0, cut) }, boston_test: { columns: header.split(','), rows: rows.slice(cut) } } as GraphFile['datasets'],
  );
  return { ...file, training: { optimizer: { type: 'adam', lr: 0.01 }, epochs, batchSize: null, seed: 0 } } as GraphFile;
}
