import type { ElementwiseCode, OpDef } from './types';
import { frac } from './mathText';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { expfAt, f32 } from '../tensor/float32';

/** `sigmoid` on one element: sigmoid's kernels run this on every element. */
const code: ElementwiseCode = {
  value: (x) => 1 / (1 + Math.exp(-x)),
  gradFrom: 'output',
  // dσ/dx = σ(1 − σ) · g
  grad: (y, g) => g * (1 - y) * y,
};

/** `sigmoid`: y = 1 / (1 + e⁻ˣ). */
export const sigmoid: OpDef<Record<string, never>, undefined> = {
  kind: 'op',
  name: 'sigmoid',
  group: 'activations',
  formula: 'y = 1 / (1 + e⁻ˣ)',
  inputs: unaryPorts,
  attrs: [],
  gradFn: 'SigmoidBackward0',
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
    // 1 / (1 + e⁻ˣ) with each step rounded (SLEEF's expf in the vectorised blocks); backward grad · (1 − y) · y.
    forward([x], y) {
      for (let i = 0; i < y.length; i++) y[i] = f32(1 / f32(1 + expfAt(-x[i], i, y.length)));
    },
    backward(_x, y, g, [gx]) {
      if (!gx) return;
      for (let i = 0; i < g.length; i++) gx[i] = f32(gx[i] + f32(f32(g[i] * f32(1 - y[i])) * y[i]));
    },
    inexact: {
      ulps: 1,
      why: 'past the last whole block of 16 elements PyTorch calls the C library\'s expf, taken here as correctly rounded',
    },
  },
  torchCall: { functions: ['torch.sigmoid', 'torch.nn.functional.sigmoid'], methods: ['sigmoid'] },
  torch: ([x]) => `torch.sigmoid(${x})`,
  explain: {
    forward: ({ x }) => frac('1', `1 + e^−${x}`),
    backward: {
      x: { derivative: '∂σ(x)/∂x = σ(x)(1 − σ(x))', gradIn: 'grad_in = y·(1 − y)·grad_out', numbers: ({ y, g }) => `(${y})·(1 − ${y})·(${g})` },
    },
  },
  recipe: { inputs: { x: { type: 'operand', within: 6 } } },
  // σ'(x) = σ(1 − σ) loses digits to cancellation far from 0.
  domain: { x: { within: 8 } },
};
