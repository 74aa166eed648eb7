import type { OpDef } from './types';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { f32, sleefExpf } from '../tensor/float32';

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
    // SLEEF's expf on every element (torch.exp maps its vectorised exp over the tail too); backward grad · y.
    forward([x], y) {
      for (let i = 0; i < y.length; i++) y[i] = sleefExpf(x[i]);
    },
    backward(_x, y, g, [gx]) {
      if (!gx) return;
      for (let i = 0; i < g.length; i++) gx[i] = f32(gx[i] + f32(g[i] * y[i]));
    },
  },
  torchCall: { functions: ['torch.exp'], methods: ['exp'] },
  torch: ([x]) => `torch.exp(${x})`,
  explain: {
    forward: ({ x }) => `e^(${x})`,
    backward: { x: { derivative: '∂(eˣ)/∂x = eˣ', gradIn: 'grad_in = y·grad_out', numbers: ({ y, g }) => `(${y})·(${g})` } },
  },
  recipe: { inputs: { x: { type: 'operand', max: 3 } } },
  domain: { x: { max: 5 } },
};
