import type { OpDef } from './types';
import { sameAsInput, unaryPorts } from './unary';
import { pyNumber } from './binary';
import { f32 } from '../tensor/float32';

/** `scale`: y = k · x for a constant k. */
export const scale: OpDef<{ k: number }, { k: number }> = {
  kind: 'op',
  name: 'scale',
  group: 'arithmetic',
  formula: 'y = k·x',
  inputs: unaryPorts,
  attrs: [{ name: 'k', type: 'number', default: 1 }],
  gradFn: 'MulBackward0',
  shape: sameAsInput,
  prepare: (_shapes, attrs) => ({ k: attrs.k }),
  scalar: {
    forward: ([x], { k }, c) => `${c(k)} * ${x}`,
    backward: (_i, gx, _x, g, { k }, c) => `${gx} += ${c(k)} * ${g}`,
    chain: { form: 'times', constant: (_x, { k }) => k },
  },
  forward([x], y, { k }) {
    for (let i = 0; i < y.length; i++) y[i] = k * x[i];
  },
  // d(kx)/dx = k · g
  backward(_x, _y, g, [gx], { k }) {
    if (!gx) return;
    for (let i = 0; i < g.length; i++) gx[i] += k * g[i];
  },
  float32: {
    // `k * x` multiplies by k rounded to float32; so does its backward.
    forward([x], y, { k }) {
      const kf = f32(k);
      for (let i = 0; i < y.length; i++) y[i] = f32(kf * x[i]);
    },
    backward(_x, _y, g, [gx], { k }) {
      if (!gx) return;
      const kf = f32(k);
      for (let i = 0; i < g.length; i++) gx[i] = f32(gx[i] + f32(kf * g[i]));
    },
  },
  torch: ([x], { k }) => `${pyNumber(k)} * ${x}`,
  explain: {
    forward: ({ x, k }) => `${k}·(${x})`,
    backward: { x: { derivative: '∂(k·x)/∂x = k', gradIn: 'grad_in = k·grad_out', numbers: ({ k, g }) => `${k}·(${g})` } },
  },
  recipe: {
    inputs: { x: { type: 'operand' } },
    attrs: { k: { type: 'signed', min: 0.2, max: 3 } },
    defaults: 0.15,
  },
  domain: {},
};
