import type { ElementwiseCode, OpDef } from './types';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { f32 } from '../tensor/float32';

/** `square` on one element: square's kernels run this on every element. */
const code: ElementwiseCode = {
  value: (x) => x * x,
  gradFrom: 'input',
  // d(x²)/dx = 2x · g
  grad: (x, g) => 2 * x * g,
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
  elementwise: code,
  forward([x], y) {
    for (let i = 0; i < y.length; i++) y[i] = code.value(x[i]);
  },
  backward([x], _y, g, [gx]) {
    if (!gx) return;
    for (let i = 0; i < g.length; i++) gx[i] += code.grad(x[i], g[i]);
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
