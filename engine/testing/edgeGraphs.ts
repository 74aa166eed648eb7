import type { Graph, GraphNode } from '../graph/types';
import { feed, leaf } from './fixedGraphs';
import type { NamedGraph } from './randomGraph';

/** One operand of an edge-case op: its port, shape, values and whether it requires grad (default yes). */
interface Operand {
  readonly port: string;
  readonly shape: number[];
  readonly data: number[];
  readonly grad?: boolean;
}

/** `inputs → op → sum`, the sum being the loss. */
function single(op: string, operands: readonly Operand[], attrs?: GraphNode['attrs']): Graph {
  const nodes: GraphNode[] = operands.map((o, k) => leaf(`x${k}`, 'input', o.shape, o.data, o.grad ?? true));
  nodes.push({ id: 'y', op, ...(attrs ? { attrs } : {}) }, { id: 'L', op: 'sum' });
  const ports = Object.fromEntries(operands.map((o, k) => [o.port, `x${k}`]));
  return { nodes, edges: [...feed('y', ports), ...feed('L', { x: 'y' })], loss: 'L' };
}

/** A 1-D operand on port `x`. */
const vec = (data: number[]): Operand => ({ port: 'x', shape: [data.length], data });

/** A no-grad operand (targets, labels). */
const data = (port: string, shape: number[], values: number[]): Operand => ({ port, shape, data: values, grad: false });

/**
 * Values at the edges of each op's domain, where PyTorch's exact conventions show: BCE's clamps,
 * saturated logits, NaN and ±∞ through max, softmax and cross-entropy, 0 into log, pow and div,
 * overflow, and signed zeros. Compared like the random graphs, non-finite values included.
 */
export function edgeGraphs(): NamedGraph[] {
  const cases: [string, Graph][] = [
    ['bce at 0, 1 and within 1e-12 of them', single('bce', [{ port: 'input', shape: [6], data: [0, 1, 1e-300, 0.5, 1 - 1e-16, 1e-13] }, data('target', [6], [0, 1, 1, 0.3, 0, 0.7])])],
    ['bce (sum) at 0 and 1 with wrong and soft targets', single('bce', [{ port: 'input', shape: [4], data: [0, 1, 0, 1] }, data('target', [4], [1, 0, 0.5, 0.5])], { reduction: 'sum' })],
    ['bce_with_logits of ±800, ±50, 0 and 1e-20', single('bce_with_logits', [{ port: 'input', shape: [6], data: [-800, -50, 0, 50, 800, 1e-20] }, data('target', [6], [0, 1, 0.5, 0, 1, 1])])],
    ['cross_entropy of ±1000 logits', single('cross_entropy', [{ port: 'input', shape: [2, 3], data: [1000, 0, -1000, -1000, 1000, 0] }, data('target', [2], [2, 0])])],
    ['cross_entropy with a −∞ logit', single('cross_entropy', [{ port: 'input', shape: [1, 3], data: [-Infinity, 0, 1] }, data('target', [1], [1])])],
    ['softmax of ±1000 and 700', single('softmax', [vec([1000, 0, -1000, 700])])],
    ['softmax with a −∞ entry', single('softmax', [vec([-Infinity, 0, 1])])],
    ['sigmoid of ±800, ±40 and 1e-300', single('sigmoid', [vec([-800, -40, 40, 800, 1e-300])])],
    ['tanh of ±40, 20 and 1e-10', single('tanh', [vec([-40, 40, 1e-10, 20])])],
    ['log of 0, the smallest subnormal, 1 and 1e300', single('log', [vec([0, 5e-324, 1, 1e300])])],
    ['relu at ±0 and ± the smallest subnormal', single('relu', [vec([0, -0, 5e-324, -5e-324])])],
    ['max with NaN entries', single('max', [vec([1, NaN, 3, NaN])])],
    ['max with tied +∞ entries', single('max', [vec([1, Infinity, 3, Infinity])])],
    ['pow with p = 0 at 0 and ±2', single('pow', [vec([0, -2, 2])], { p: 0 })],
    ['pow with p = 0.5 at 0, 4 and −1', single('pow', [vec([0, 4, -1])], { p: 0.5 })],
    ['pow with p = −1 at 0', single('pow', [vec([0, 2])], { p: -1 })],
    ['pow with p = −0.5 at 0', single('pow', [vec([0, 4])], { p: -0.5 })],
    ['pow with p = −2 at 0', single('pow', [vec([0, 4])], { p: -2 })],
    ['pow with p = 1 at 0', single('pow', [vec([0, -3])], { p: 1 })],
    ['pow with p = 1.5 at 0', single('pow', [vec([0, 4])], { p: 1.5 })],
    ['pow with p = 2.5 at a negative', single('pow', [vec([-2, 0, 3])], { p: 2.5 })],
    ['pow with p = 3 overflowing', single('pow', [vec([1e120, -1e120])], { p: 3 })],
    ['div by +0 and −0', single('div', [{ port: 'a', shape: [3], data: [1, -1, 0] }, { port: 'b', shape: [3], data: [0, -0, 0] }])],
    ['div by c = 0', single('div', [{ port: 'a', shape: [3], data: [1, -1, 0] }], { c: 0 })],
    ['div by c = −0', single('div', [{ port: 'a', shape: [3], data: [1, -1, 0] }], { c: -0 })],
    ['exp of ±800', single('exp', [vec([800, -800, 0])])],
    ['square overflowing', single('square', [vec([1e200, -1e200])])],
    ['mse overflowing', single('mse', [{ port: 'input', shape: [2], data: [1e200, 0] }, { port: 'target', shape: [2], data: [-1e200, 0] }])],
    ['matmul of ∞ and 0', single('matmul', [{ port: 'a', shape: [2], data: [Infinity, 1] }, { port: 'b', shape: [2, 2], data: [0, 1, 2, 3] }])],
    ['mean of NaN along an axis', single('mean', [{ port: 'x', shape: [1, 1], data: [NaN] }], { axis: 0 })],
    ['scale of ∞ by 0', single('scale', [vec([Infinity, 1])], { k: 0 })],
    ['mul of 0 and ∞', single('mul', [{ port: 'a', shape: [2], data: [0, 1] }, { port: 'b', shape: [2], data: [Infinity, 2] }])],
    ['linear of a NaN row', single('linear', [{ port: 'x', shape: [2, 2], data: [NaN, 1, 2, 3] }], { inFeatures: 2, outFeatures: 1 })],
  ];
  return cases.map(([name, graph]) => ({ name, graph }));
}
