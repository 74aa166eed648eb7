import type { OpDef } from './types';
import { type BinaryCtx, binaryBackward32, binaryForward32, binaryPorts, binaryRecipe, binaryShape, prepareBinary } from './binary';

/** `add`: y = a + b with broadcasting, or a + c when `b` is unconnected. */
export const add: OpDef<{ c: number }, BinaryCtx> = {
  kind: 'op',
  name: 'add',
  group: 'arithmetic',
  formula: 'y = a + b',
  inputs: binaryPorts,
  attrs: [{ name: 'c', type: 'number', default: 0 }],
  gradFn: 'AddBackward0',
  shape: binaryShape,
  prepare: prepareBinary,
  scalar: {
    forward: ([a, b]) => `${a} + ${b}`,
    backward: (_i, gx, _x, g) => `${gx} += ${g}`,
    chain: { form: 'plus', constant: ([, c]) => c[0] },
  },
  forward([a, b], y, { ia, ib }) {
    if (ia === null || ib === null) {
      for (let i = 0; i < y.length; i++) y[i] = a[i] + b[i];
    } else {
      for (let i = 0; i < y.length; i++) y[i] = a[ia[i]] + b[ib[i]];
    }
  },
  // d(a+b)/da = 1, d(a+b)/db = 1; broadcast axes are summed by the index maps
  backward(_x, _y, g, [ga, gb], { ia, ib }) {
    if (ia === null || ib === null) {
      if (ga) for (let i = 0; i < g.length; i++) ga[i] += g[i];
      if (gb) for (let i = 0; i < g.length; i++) gb[i] += g[i];
    } else {
      if (ga) for (let i = 0; i < g.length; i++) ga[ia[i]] += g[i];
      if (gb) for (let i = 0; i < g.length; i++) gb[ib[i]] += g[i];
    }
  },
  float32: {
    forward: ([a, b], y, ctx) => binaryForward32(a, b, y, ctx, (p, q) => p + q),
    // The gradient passes through; a broadcast operand's is summed in PyTorch's order.
    backward(_x, _y, g, [ga, gb], ctx) {
      binaryBackward32(ctx, 0, ga, (i) => g[i]);
      binaryBackward32(ctx, 1, gb, (i) => g[i]);
    },
  },
  torch: ([a, b]) => `${a} + ${b}`,
  explain: {
    forward: ({ a, b }) => `(${a}) + (${b})`,
    backward: {
      a: { derivative: '∂(a + b)/∂a = 1', gradIn: 'grad_in = grad_out', numbers: ({ g }) => g, note: 'broadcast' },
      b: { derivative: '∂(a + b)/∂b = 1', gradIn: 'grad_in = grad_out', numbers: ({ g }) => g, note: 'broadcast' },
    },
  },
  recipe: binaryRecipe,
  domain: {},
};
