import type { OpDef } from './types';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { expfAt, f32 } from '../tensor/float32';

/** `exp`: y = eˣ. */
export const exp: OpDef<Record<string, never>, undefined> = {
  kind: 'op',
  name: 'exp',
  group: 'arithmetic',
  formula: 'y = eˣ',
  inputs: unaryPorts,
  attrs: [],
  gradFn: 'ExpBackward0',
  shape: sameAsInput,
  prepare: noContext,
  forward([x], y) {
    for (let i = 0; i < y.length; i++) y[i] = Math.exp(x[i]);
  },
  // d(eˣ)/dx = eˣ · g
  backward(_x, y, g, [gx]) {
    if (!gx) return;
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * y[i];
  },
  float32: {
    // SLEEF's expf in the vectorised blocks, the C library's expf after them; backward grad · y.
    forward([x], y) {
      for (let i = 0; i < y.length; i++) y[i] = expfAt(x[i], i, y.length);
    },
    backward(_x, y, g, [gx]) {
      if (!gx) return;
      for (let i = 0; i < g.length; i++) gx[i] = f32(gx[i] + f32(g[i] * y[i]));
    },
    inexact: 'the scalar tail (elements past the last whole block of 16) uses expf, taken here as correctly rounded: rarely 1 ulp',
  },
  torch: ([x]) => `torch.exp(${x})`,
  explain: {
    forward: ({ x }) => `e^(${x})`,
    backward: { x: { derivative: '∂(eˣ)/∂x = eˣ', gradIn: 'grad_in = y·grad_out', numbers: ({ y, g }) => `(${y})·(${g})` } },
  },
  recipe: { inputs: { x: { type: 'operand', max: 3 } } },
  domain: { x: { max: 5 } },
};
