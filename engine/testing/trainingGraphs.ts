import type { GraphNode } from '../graph/types';
import type { OptimizerSettings } from '../optim/types';
import { seededRandom } from '../tensor/random';
import { feed, leaf } from './fixedGraphs';
import type { NamedGraph } from './randomGraph';

/** An optimizer configuration compared against torch.optim. */
export interface OptimizerCase {
  readonly name: string;
  readonly settings: OptimizerSettings;
}

/** Every optimizer variant the engine offers, with non-default hyper-parameters. */
export const OPTIMIZER_CASES: readonly OptimizerCase[] = [
  { name: 'SGD', settings: { type: 'sgd', lr: 0.1 } },
  { name: 'SGD with momentum', settings: { type: 'sgd', lr: 0.05, momentum: 0.9 } },
  { name: 'SGD with momentum and dampening', settings: { type: 'sgd', lr: 0.05, momentum: 0.9, dampening: 0.3 } },
  { name: 'SGD with Nesterov momentum', settings: { type: 'sgd', lr: 0.05, momentum: 0.8, nesterov: true } },
  { name: 'SGD with weight decay', settings: { type: 'sgd', lr: 0.1, weightDecay: 0.05 } },
  { name: 'Adam', settings: { type: 'adam', lr: 0.05 } },
  { name: 'Adam with weight decay', settings: { type: 'adam', lr: 0.05, weightDecay: 0.1, beta1: 0.8, beta2: 0.99 } },
  { name: 'Adam with AMSGrad', settings: { type: 'adam', lr: 0.05, amsgrad: true, eps: 1e-6 } },
  { name: 'SGD with Nesterov momentum and weight decay', settings: { type: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.02 } },
  { name: 'Adam with AMSGrad and weight decay', settings: { type: 'adam', lr: 0.02, amsgrad: true, weightDecay: 0.05, beta2: 0.9 } },
];

/** Seeded values in [lo, hi). */
function values(seed: number, n: number, lo = -1.5, hi = 1.5): number[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => lo + (hi - lo) * r());
}

/** An op node. */
const op = (id: string, name: string, attrs?: GraphNode['attrs'], init?: GraphNode['init']): GraphNode => ({
  id,
  op: name,
  ...(attrs ? { attrs } : {}),
  ...(init ? { init } : {}),
});

/** A tanh MLP regressing a dataset column with mse; inputs bound to dataset columns. */
function mlpRegression(): NamedGraph {
  const x = values(11, 24);
  const rows = Array.from({ length: 8 }, (_, r) => {
    const [a, b, c] = x.slice(3 * r, 3 * r + 3);
    return [a, b, c, Math.sin(a) + 0.5 * b * c];
  });
  return {
    name: 'tanh MLP with mse on dataset columns',
    graph: {
      datasets: { d: { columns: ['a', 'b', 'c', 'y'], rows } },
      nodes: [
        { id: 'x', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['a', 'b', 'c'] } },
        { id: 'y', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['y'] } },
        op('h', 'linear', { inFeatures: 3, outFeatures: 4 }, { type: 'default', seed: 1 }),
        op('t', 'tanh'),
        op('o', 'linear', { inFeatures: 4, outFeatures: 1 }, { type: 'uniform', low: -0.5, high: 0.5, seed: 2 }),
        op('L', 'mse'),
      ],
      edges: [...feed('h', { x: 'x' }), ...feed('t', { x: 'h' }), ...feed('o', { x: 't' }), ...feed('L', { input: 'o', target: 'y' })],
      loss: 'L',
    },
  };
}

/** A relu classifier with cross_entropy on integer labels. */
function classifier(): NamedGraph {
  const labels = [0, 1, 2, 0, 1, 2, 2, 1, 0];
  return {
    name: 'relu classifier with cross_entropy',
    graph: {
      nodes: [
        leaf('x', 'constant', [9, 2], values(21, 18)),
        leaf('c', 'constant', [9], labels),
        op('h', 'linear', { inFeatures: 2, outFeatures: 5 }, { type: 'normal', mean: 0, std: 0.7, seed: 3 }),
        op('r', 'relu'),
        op('o', 'linear', { inFeatures: 5, outFeatures: 3 }, { type: 'default', seed: 4 }),
        op('L', 'cross_entropy'),
      ],
      edges: [...feed('h', { x: 'x' }), ...feed('r', { x: 'h' }), ...feed('o', { x: 'r' }), ...feed('L', { input: 'o', target: 'c' })],
      loss: 'L',
    },
  };
}

/** Logistic regression twice: sigmoid + bce, and bce_with_logits (sum, scaled). */
function logistic(): NamedGraph {
  const t = [1, 0, 0, 1, 1, 0, 1, 0];
  return {
    name: 'logistic regression with bce and bce_with_logits',
    graph: {
      nodes: [
        leaf('x', 'input', [8, 2], values(31, 16)),
        leaf('t', 'constant', [8, 1], t),
        op('z1', 'linear', { inFeatures: 2, outFeatures: 1 }, { type: 'default', seed: 5 }),
        op('p', 'sigmoid'),
        op('l1', 'bce'),
        op('z2', 'linear', { inFeatures: 2, outFeatures: 1 }, { type: 'default', seed: 6 }),
        op('l2', 'bce_with_logits', { reduction: 'sum' }),
        op('s2', 'scale', { k: 0.25 }),
        op('L', 'add'),
      ],
      edges: [
        ...feed('z1', { x: 'x' }),
        ...feed('p', { x: 'z1' }),
        ...feed('l1', { input: 'p', target: 't' }),
        ...feed('z2', { x: 'x' }),
        ...feed('l2', { input: 'z2', target: 't' }),
        ...feed('s2', { x: 'l2' }),
        ...feed('L', { a: 'l1', b: 's2' }),
      ],
      loss: 'L',
    },
  };
}

/**
 * Parameter leaves through broadcasting mul, sum, matmul, softmax, log, exp, div, pow, max and
 * square: a linear model, a hand-written cross-entropy, and regularisers.
 */
function parameterLeaves(): NamedGraph {
  const onehot = [1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1];
  return {
    name: 'parameter leaves through broadcasting, softmax, log and pow',
    graph: {
      nodes: [
        leaf('x', 'input', [6, 3], values(41, 18)),
        leaf('y', 'constant', [6], values(42, 6)),
        leaf('oh', 'constant', [6, 2], onehot),
        { id: 'w', op: 'parameter', shape: [3], init: { type: 'normal', mean: 0, std: 0.5, seed: 7 } },
        { id: 'bias', op: 'parameter', shape: [], init: { type: 'constant', value: 0.1 } },
        { id: 's', op: 'parameter', shape: [], init: { type: 'constant', value: 0.2 } },
        { id: 'W', op: 'parameter', shape: [3, 2], init: { type: 'uniform', low: -0.5, high: 0.5, seed: 8 } },
        op('xw', 'mul'), op('dot', 'sum', { axis: -1 }), op('pred', 'add'), op('l1', 'mse'),
        op('logits', 'matmul'), op('prob', 'softmax', { axis: 1 }), op('lp', 'log'), op('picked', 'mul'),
        op('rowsum', 'sum', { axis: 1 }), op('avg', 'mean'), op('nll', 'neg'),
        op('es', 'exp'), op('ratio', 'div'), op('sq', 'square'), op('reg', 'mean'), op('reg10', 'scale', { k: 0.1 }),
        op('pw', 'pow', { p: 1.5 }), op('off', 'sub', { c: 1 }), op('off2', 'square'),
        op('wsq', 'square'), op('wmax', 'max'), op('wmax5', 'scale', { k: 0.05 }),
        op('a1', 'add'), op('a2', 'add'), op('a3', 'add'), op('L', 'add'),
      ],
      edges: [
        ...feed('xw', { a: 'x', b: 'w' }), ...feed('dot', { x: 'xw' }), ...feed('pred', { a: 'dot', b: 'bias' }),
        ...feed('l1', { input: 'pred', target: 'y' }),
        ...feed('logits', { a: 'x', b: 'W' }), ...feed('prob', { x: 'logits' }), ...feed('lp', { x: 'prob' }),
        ...feed('picked', { a: 'lp', b: 'oh' }), ...feed('rowsum', { x: 'picked' }), ...feed('avg', { x: 'rowsum' }),
        ...feed('nll', { x: 'avg' }),
        ...feed('es', { x: 's' }), ...feed('ratio', { a: 'w', b: 'es' }), ...feed('sq', { x: 'ratio' }),
        ...feed('reg', { x: 'sq' }), ...feed('reg10', { x: 'reg' }),
        ...feed('pw', { x: 'es' }), ...feed('off', { a: 'pw' }), ...feed('off2', { x: 'off' }),
        ...feed('wsq', { x: 'w' }), ...feed('wmax', { x: 'wsq' }), ...feed('wmax5', { x: 'wmax' }),
        ...feed('a1', { a: 'l1', b: 'nll' }), ...feed('a2', { a: 'reg10', b: 'off2' }), ...feed('a3', { a: 'a2', b: 'wmax5' }),
        ...feed('L', { a: 'a1', b: 'a3' }),
      ],
      loss: 'L',
    },
  };
}

/** The graphs every optimizer trains. */
export function trainingGraphs(): NamedGraph[] {
  return [mlpRegression(), classifier(), logistic(), parameterLeaves()];
}
