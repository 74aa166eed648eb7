import type { ElementwiseRange, OpDef } from './types';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { f32 } from '../tensor/float32';

/** `square` (y = x²) over a range of elements: the float64 kernels' loops. */
const range: ElementwiseRange = {
  forward(x, y, from, to) {
    for (let i = from; i < to; i++) y[i] = x[i] * x[i];
  },
  // d(x²)/dx = 2x · g
  backward(x, _y, g, gx, from, to) {
    for (let i = from; i < to; i++) gx[i] += 2 * x[i] * g[i];
  },
};

/** `square`: y = x². */
export const square: OpDef<Record<string, never>, undefined> = {
  kind: 'op',
  name: 'square',
  group: 'arithmetic',
  formula: 'y = x²',
  inputs: unaryPorts,
  attrs: [],
  gradFn: 'PowBackward0',
  shape: sameAsInput,
  prepare: noContext,
  scalar: {
    forward: ([x]) => `${x} * ${x}`,
    backward: (_i, gx, [x], g) => `${gx} += 2 * ${x} * ${g}`,
    chain: { form: 'square' },
  },
  elementwise: range,
  forward([x], y) {
    range.forward(x, y, 0, y.length);
  },
  backward([x], y, g, [gx]) {
    if (gx) range.backward(x, y, g, gx, 0, g.length);
  },
  float32: {
    // torch.square is pow(x, 2): x·x; its backward grad · (2 · x¹).
    forward([x], y) {
      for (let i = 0; i < y.length; i++) y[i] = f32(x[i] * x[i]);
    },
    backward([x], _y, g, [gx]) {
      if (!gx) return;
      for (let i = 0; i < g.length; i++) gx[i] = f32(gx[i] + f32(g[i] * (2 * x[i])));
    },
  },
  torchCall: { functions: ['torch.square'], methods: ['square'] },
  torch: ([x]) => `torch.square(${x})`,
  explain: {
    forward: ({ x }) => `(${x})²`,
    backward: { x: { derivative: '∂(x²)/∂x = 2x', gradIn: 'grad_in = 2·x·grad_out', numbers: ({ x, g }) => `2·(${x})·(${g})` } },
  },
  recipe: { inputs: { x: { type: 'operand', within: 50 } } },
  domain: {},
};
