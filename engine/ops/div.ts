import type { OpDef } from './types';
import { frac } from './mathText';
import { f32 } from '../tensor/float32';
import { type BinaryCtx, binaryBackward32, binaryForward32, binaryPorts, binaryShape, prepareBinary } from './binary';

/** `div`: y = a / b elementwise with broadcasting, or a / c when `b` is unconnected. */
export const div: OpDef<{ c: number }, BinaryCtx> = {
  kind: 'op',
  name: 'div',
  group: 'arithmetic',
  formula: 'y = a / b',
  inputs: binaryPorts,
  attrs: [{ name: 'c', type: 'number', default: 1 }],
  gradFn: 'DivBackward0',
  shape: binaryShape,
  prepare: prepareBinary,
  forward([a, b], y, { ia, ib }) {
    if (ia === null || ib === null) {
      for (let i = 0; i < y.length; i++) y[i] = a[i] / b[i];
    } else {
      for (let i = 0; i < y.length; i++) y[i] = a[ia[i]] / b[ib[i]];
    }
  },
  // d(a/b)/da = g / b, d(a/b)/db = −g · (a/b)/b (PyTorch's order of operations)
  backward([a, b], _y, g, [ga, gb], { ia, ib }) {
    if (ia === null || ib === null) {
      if (ga) for (let i = 0; i < g.length; i++) ga[i] += g[i] / b[i];
      if (gb) for (let i = 0; i < g.length; i++) gb[i] += -g[i] * (a[i] / b[i] / b[i]);
    } else {
      if (ga) for (let i = 0; i < g.length; i++) ga[ia[i]] += g[i] / b[ib[i]];
      if (gb) for (let i = 0; i < g.length; i++) gb[ib[i]] += -g[i] * (a[ia[i]] / b[ib[i]] / b[ib[i]]);
    }
  },
  float32: {
    forward: ([a, b], y, ctx) => binaryForward32(a, b, y, ctx, (p, q) => p / q),
    // grad / b, and −grad · ((a / b) / b), each step rounded.
    backward([a, b], _y, g, [ga, gb], ctx) {
      const { ia, ib } = ctx;
      binaryBackward32(ctx, 0, ga, (i) => f32(g[i] / b[ib ? ib[i] : i]));
      binaryBackward32(ctx, 1, gb, (i) => {
        const q = b[ib ? ib[i] : i];
        return f32(-g[i] * f32(f32(a[ia ? ia[i] : i] / q) / q));
      });
    },
  },
  torch: ([a, b]) => `${a} / ${b}`,
  explain: {
    forward: ({ a, b }) => frac(a, b),
    backward: {
      a: { derivative: '∂(a/b)/∂a = 1/b', gradIn: 'grad_in = grad_out / b', numbers: ({ b, g }) => frac(g, b), note: 'broadcast' },
      b: { derivative: '∂(a/b)/∂b = −a/b²', gradIn: 'grad_in = −a·grad_out / b²', numbers: ({ a, b, g }) => `−${frac(`${a}·${g}`, `${b}²`)}`, note: 'broadcast' },
    },
  },
  recipe: {
    inputs: { a: { type: 'operand' }, b: { type: 'broadcast', of: 'a', awayFromZero: 0.2 } },
    attrs: { c: { type: 'signed', min: 0.3, max: 2 } },
    defaults: 0.2,
  },
  domain: { b: { awayFromZero: 0.05 } },
};
