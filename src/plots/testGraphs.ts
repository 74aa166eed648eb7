import { compile, fileToGraph, type GraphFile, type Program } from '../../engine';

const training: GraphFile['training'] = { epochs: 1, batchSize: null, seed: 0, optimizer: { type: 'sgd', lr: 0.01 } };

/** The composite-function example: x = arange(-2, 2.1, 0.25), y = 2x² + 2, z = y.sum(). */
export function compositeDoc(): GraphFile {
  return {
    format: 'gradcanvas-graph',
    version: 1,
    nodes: [
      { id: 'x', op: 'input', position: { x: 0, y: 0 }, value: { type: 'arange', start: -2, end: 2.1, step: 0.25 }, requiresGrad: true },
      { id: 'square', op: 'square', position: { x: 0, y: 0 } },
      { id: 'scale', op: 'scale', position: { x: 0, y: 0 }, attrs: { k: 2 } },
      { id: 'y', op: 'add', label: 'y', position: { x: 0, y: 0 }, attrs: { c: 2 } },
      { id: 'z', op: 'sum', position: { x: 0, y: 0 } },
    ],
    edges: [
      { source: 'x', target: 'square', targetPort: 'x' },
      { source: 'square', target: 'scale', targetPort: 'x' },
      { source: 'scale', target: 'y', targetPort: 'a' },
      { source: 'y', target: 'z', targetPort: 'x' },
    ],
    loss: 'z',
    datasets: {},
    training,
  };
}

/** data X → linear(1,1) → mse ← data Y, on y = 2x + 1 exactly, with weight and bias 0. */
export function linearDoc(classes = false): GraphFile {
  if (classes) {
    return {
      format: 'gradcanvas-graph',
      version: 1,
      nodes: [
        { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'd', columns: ['a', 'b'] } },
        { id: 'T', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'd', columns: ['c'] } },
        { id: 'linear', op: 'linear', position: { x: 0, y: 0 }, attrs: { inFeatures: 2, outFeatures: 1 }, params: { weight: { shape: [1, 2], data: [1, 0] }, bias: { shape: [1], data: [0] } } },
        { id: 'loss', op: 'bce_with_logits', position: { x: 0, y: 0 } },
      ],
      edges: [
        { source: 'X', target: 'linear', targetPort: 'x' },
        { source: 'linear', target: 'loss', targetPort: 'input' },
        { source: 'T', target: 'loss', targetPort: 'target' },
      ],
      loss: 'loss',
      datasets: { d: { columns: ['a', 'b', 'c'], rows: [[-1, 0, 0], [-2, 1, 0], [1, 0, 1], [2, -1, 1]] } },
      training,
    };
  }
  return {
    format: 'gradcanvas-graph',
    version: 1,
    nodes: [
      { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'd', columns: ['x'] } },
      { id: 'Y', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'd', columns: ['y'] } },
      { id: 'linear', op: 'linear', position: { x: 0, y: 0 }, attrs: { inFeatures: 1, outFeatures: 1 }, params: { weight: { shape: [1, 1], data: [0] }, bias: { shape: [1], data: [0] } } },
      { id: 'loss', op: 'mse', position: { x: 0, y: 0 } },
    ],
    edges: [
      { source: 'X', target: 'linear', targetPort: 'x' },
      { source: 'linear', target: 'loss', targetPort: 'input' },
      { source: 'Y', target: 'loss', targetPort: 'target' },
    ],
    loss: 'loss',
    datasets: { d: { columns: ['x', 'y'], rows: [[2, 5], [0, 1], [1, 3], [-1, -1]] } },
    training,
  };
}

/** Compiles a document (whole) and runs forward. */
export function compiled(doc: GraphFile): Program {
  const p = compile(fileToGraph(doc)).program;
  if (!p) throw new Error('test graph does not compile');
  p.forward();
  return p;
}
