import type { OpDef } from './types';
import { f32 } from '../tensor/float32';
import { type BinaryCtx, binaryBackward32, binaryForward32, binaryPorts, binaryRecipe, binaryShape, prepareBinary } from './binary';

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
  scalar: {
    forward: ([a, b]) => `${a} * ${b}`,
    backward: (i, gx, [a, b], g) => `${gx} += ${g} * ${i === 0 ? b : a}`,
    chain: { form: 'times', constant: ([, c]) => c[0] },
  },
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
  float32: {
    forward: ([a, b], y, ctx) => binaryForward32(a, b, y, ctx, (p, q) => p * q),
    // grad · other, each product rounded, then summed to a broadcast operand's shape.
    backward([a, b], _y, g, [ga, gb], ctx) {
      const { ia, ib } = ctx;
      binaryBackward32(ctx, 0, ga, (i) => f32(g[i] * b[ib ? ib[i] : i]));
      binaryBackward32(ctx, 1, gb, (i) => f32(g[i] * a[ia ? ia[i] : i]));
    },
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
