import type { OpDef } from './types';
import { type BinaryCtx, binaryPorts, binaryRecipe, binaryShape, prepareBinary } from './binary';

/** `mul`: y = a · b elementwise with broadcasting, or a · c when `b` is unconnected. */
export const mul: OpDef<{ c: number }, BinaryCtx> = {
  kind: 'op',
  name: 'mul',
  group: 'arithmetic',
  formula: 'y = a · b',
  inputs: binaryPorts,
  attrs: [{ name: 'c', type: 'number', default: 1 }],
  gradFn: 'MulBackward0',
  shape: binaryShape,
  prepare: prepareBinary,
  forward([a, b], y, { ia, ib }) {
    if (ia === null || ib === null) {
      for (let i = 0; i < y.length; i++) y[i] = a[i] * b[i];
    } else {
      for (let i = 0; i < y.length; i++) y[i] = a[ia[i]] * b[ib[i]];
    }
  },
  // d(ab)/da = b · g, d(ab)/db = a · g
  backward([a, b], _y, g, [ga, gb], { ia, ib }) {
    if (ia === null || ib === null) {
      if (ga) for (let i = 0; i < g.length; i++) ga[i] += g[i] * b[i];
      if (gb) for (let i = 0; i < g.length; i++) gb[i] += g[i] * a[i];
    } else {
      if (ga) for (let i = 0; i < g.length; i++) ga[ia[i]] += g[i] * b[ib[i]];
      if (gb) for (let i = 0; i < g.length; i++) gb[ib[i]] += g[i] * a[ia[i]];
    }
  },
  torch: ([a, b]) => `${a} * ${b}`,
  explain: {
    forward: ({ a, b }) => `(${a})·(${b})`,
    backward: {
      a: { derivative: '∂(a·b)/∂a = b', gradIn: 'grad_in = b·grad_out', numbers: ({ b, g }) => `(${b})·(${g})`, note: 'broadcast' },
      b: { derivative: '∂(a·b)/∂b = a', gradIn: 'grad_in = a·grad_out', numbers: ({ a, g }) => `(${a})·(${g})`, note: 'broadcast' },
    },
  },
  recipe: binaryRecipe,
  domain: {},
};
