import type { ElementwiseCode, OpDef } from './types';
import { noContext, sameAsInput, unaryPorts } from './unary';
import { f32 } from '../tensor/float32';

/** `relu` on one element: relu's kernels run this on every element. */
const code: ElementwiseCode = {
  value: (x) => (x <= 0 ? 0 : x),
  gradFrom: 'output',
  // d relu/dx = [y > 0] · g (0 at x = 0, as PyTorch)
  grad: (y, g) => (y <= 0 ? 0 : g),
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
  elementwise: code,
  forward([x], y) {
    for (let i = 0; i < y.length; i++) y[i] = code.value(x[i]);
  },
  backward(_x, y, g, [gx]) {
    if (!gx) return;
    for (let i = 0; i < g.length; i++) gx[i] += code.grad(y[i], g[i]);
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
