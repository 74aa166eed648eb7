import type { ElementwiseCode, OpDef } from './types';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { f32, fma32, sleefTanhf } from '../tensor/float32';

/** `tanh` on one element: tanh's kernels run this on every element. */
const code: ElementwiseCode = {
  value: (x) => Math.tanh(x),
  gradFrom: 'output',
  // d(tanh x)/dx = (1 − tanh²x) · g
  grad: (y, g) => g * (1 - y * y),
};

/** `tanh`: y = tanh x. */
export const tanh: OpDef<Record<string, never>, undefined> = {
  kind: 'op',
  name: 'tanh',
  group: 'activations',
  formula: 'y = tanh x',
  inputs: unaryPorts,
  attrs: [],
  gradFn: 'TanhBackward0',
  shape: sameAsInput,
  prepare: noContext,
  elementwise: code,
  forward([x], y) {
    for (let i = 0; i < y.length; i++) y[i] = code.value(x[i]);
  },
  backward(_x, y, g, [gx]) {
    if (!gx) return;
    for (let i = 0; i < g.length; i++) gx[i] += code.grad(y[i], g[i]);
  },
  float32: {
    // SLEEF's tanhf on every element (torch.tanh maps its vectorised tanh over the tail too).
    forward([x], y) {
      for (let i = 0; i < y.length; i++) y[i] = sleefTanhf(x[i]);
    },
    // grad · (1 − y²), where 1 − y² is one fused multiply-add in PyTorch's AVX2 kernel.
    backward(_x, y, g, [gx]) {
      if (!gx) return;
      for (let i = 0; i < g.length; i++) gx[i] = f32(gx[i] + f32(g[i] * fma32(-y[i], y[i], 1)));
    },
  },
  torchCall: { functions: ['torch.tanh', 'torch.nn.functional.tanh'], methods: ['tanh'] },
  torch: ([x]) => `torch.tanh(${x})`,
  explain: {
    forward: ({ x }) => `tanh(${x})`,
    backward: {
      x: { derivative: '∂tanh(x)/∂x = 1 − tanh²(x)', gradIn: 'grad_in = (1 − y²)·grad_out', numbers: ({ y, g }) => `(1 − (${y})²)·(${g})` },
    },
  },
  recipe: { inputs: { x: { type: 'operand', within: 4 } } },
  // tanh' = 1 − tanh² loses digits to cancellation far from 0.
  domain: { x: { within: 5 } },
};
