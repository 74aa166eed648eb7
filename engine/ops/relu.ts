import type { ElementwiseRange, OpDef } from './types';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { f32 } from '../tensor/float32';

/** `relu` (y = max(x, 0)) over a range of elements: the float64 kernels' loops. */
const range: ElementwiseRange = {
  forward(x, y, from, to) {
    for (let i = from; i < to; i++) y[i] = x[i] <= 0 ? 0 : x[i];
  },
  // d relu/dx = [y > 0] · g (0 at x = 0, as PyTorch)
  backward(_x, y, g, gx, from, to) {
    for (let i = from; i < to; i++) gx[i] += y[i] <= 0 ? 0 : g[i];
  },
};

/** `relu`: y = max(x, 0). */
export const relu: OpDef<Record<string, never>, undefined> = {
  kind: 'op',
  name: 'relu',
  group: 'activations',
  formula: 'y = max(x, 0)',
  inputs: unaryPorts,
  attrs: [],
  gradFn: 'ReluBackward0',
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
    forward([x], y) {
      for (let i = 0; i < y.length; i++) y[i] = x[i] <= 0 ? 0 : x[i];
    },
    backward(_x, y, g, [gx]) {
      if (!gx) return;
      for (let i = 0; i < g.length; i++) if (y[i] > 0) gx[i] = f32(gx[i] + g[i]);
    },
  },
  torchCall: { functions: ['torch.relu', 'torch.nn.functional.relu'], methods: ['relu'] },
  torch: ([x]) => `torch.relu(${x})`,
  explain: {
    forward: ({ x }) => `max(0, ${x})`,
    backward: { x: { derivative: '∂relu(x)/∂x = [x > 0]', gradIn: 'grad_in = [x > 0]·grad_out', numbers: ({ x, g }) => `[${x} > 0]·(${g})` } },
  },
  recipe: { inputs: { x: { type: 'operand', awayFromZero: 1e-3 } } },
  // Off the kink, unless exactly on it: central differences straddling 0 disagree with either side.
  domain: { x: { awayFromZero: 1e-6, zeroAllowed: true } },
};
