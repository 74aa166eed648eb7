import type { OpDef } from './types';
import { frac } from './mathText';
import { type BinaryCtx, binaryPorts, binaryShape, prepareBinary } from './binary';

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
