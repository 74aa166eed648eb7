import type { OpDef } from './types';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { f32 } from '../tensor/float32';

/** `neg`: y = −x. */
export const neg: OpDef<Record<string, never>, undefined> = {
  kind: 'op',
  name: 'neg',
  group: 'arithmetic',
  formula: 'y = −x',
  inputs: unaryPorts,
  attrs: [],
  gradFn: 'NegBackward0',
  shape: sameAsInput,
  prepare: noContext,
  forward([x], y) {
    for (let i = 0; i < y.length; i++) y[i] = -x[i];
  },
  // d(−x)/dx = −1 · g
  backward(_x, _y, g, [gx]) {
    if (!gx) return;
    for (let i = 0; i < g.length; i++) gx[i] -= g[i];
  },
  float32: {
    forward([x], y) {
      for (let i = 0; i < y.length; i++) y[i] = -x[i];
    },
    backward(_x, _y, g, [gx]) {
      if (!gx) return;
      for (let i = 0; i < g.length; i++) gx[i] = f32(gx[i] - g[i]);
    },
  },
  torchCall: { functions: ['torch.neg'], methods: ['neg'] },
  torch: ([x]) => `-${x}`,
  explain: {
    forward: ({ x }) => `−(${x})`,
    backward: { x: { derivative: '∂(−x)/∂x = −1', gradIn: 'grad_in = −grad_out', numbers: ({ g }) => `−(${g})` } },
  },
  recipe: { inputs: { x: { type: 'operand' } } },
  domain: {},
};
