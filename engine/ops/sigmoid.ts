import type { ElementwiseRange, OpDef } from './types';
import { frac } from './mathText';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { expfAt, f32 } from '../tensor/float32';

/** `sigmoid` (y = 1 / (1 + e⁻ˣ)) over a range of elements: the float64 kernels' loops. */
const range: ElementwiseRange = {
  forward(x, y, from, to) {
    for (let i = from; i < to; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
  },
  // dσ/dx = σ(1 − σ) · g
  backward(_x, y, g, gx, from, to) {
    for (let i = from; i < to; i++) gx[i] += g[i] * (1 - y[i]) * y[i];
  },
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
  elementwise: range,
  forward([x], y) {
    range.forward(x, y, 0, y.length);
  },
  backward([x], y, g, [gx]) {
    if (gx) range.backward(x, y, g, gx, 0, g.length);
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
