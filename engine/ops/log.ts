import type { OpDef } from './types';
import { frac } from './mathText';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { f32, sleefLogf } from '../tensor/float32';

/** `log`: y = ln x. */
export const log: OpDef<Record<string, never>, undefined> = {
  kind: 'op',
  name: 'log',
  group: 'arithmetic',
  formula: 'y = ln x',
  inputs: unaryPorts,
  attrs: [],
  gradFn: 'LogBackward0',
  shape: sameAsInput,
  prepare: noContext,
  forward([x], y) {
    for (let i = 0; i < y.length; i++) y[i] = Math.log(x[i]);
  },
  // d(ln x)/dx = g / x
  backward([x], _y, g, [gx]) {
    if (!gx) return;
    for (let i = 0; i < g.length; i++) gx[i] += g[i] / x[i];
  },
  float32: {
    // SLEEF's logf on every element (torch.log maps its vectorised log over the tail too).
    forward([x], y) {
      for (let i = 0; i < y.length; i++) y[i] = sleefLogf(x[i]);
    },
    // grad / x
    backward([x], _y, g, [gx]) {
      if (!gx) return;
      for (let i = 0; i < g.length; i++) gx[i] = f32(gx[i] + f32(g[i] / x[i]));
    },
  },
  torchCall: { functions: ['torch.log'], methods: ['log'] },
  torch: ([x]) => `torch.log(${x})`,
  explain: {
    forward: ({ x }) => `log(${x})`,
    backward: { x: { derivative: '∂(log x)/∂x = 1/x', gradIn: 'grad_in = grad_out / x', numbers: ({ x, g }) => frac(g, x) } },
  },
  recipe: { inputs: { x: { type: 'positive' } } },
  domain: { x: { min: 0.01 } },
};
