import type { OpDef } from './types';
import { unaryPorts } from './unary';
import { type ReduceAttrs, type ReduceCtx, prepareReduce, reduceAttrs, reduceBackward, reduceBackward32, reduceForward, reduceForward32, reduceShape, reduceTorch, reduceArgs } from './reduce';

/** `sum`: the sum of all elements, or along `axis` (keeping it with `keepdim`). */
export const sum: OpDef<ReduceAttrs, ReduceCtx> = {
  kind: 'op',
  name: 'sum',
  group: 'reductions',
  formula: 'y = Σ x',
  inputs: unaryPorts,
  attrs: reduceAttrs,
  gradFn: 'SumBackward0',
  // torch.sum(x) is SumBackward0; with a dim (the export's keepdim form passes every dim) it is SumBackward1.
  gradFnOf: ({ axis, keepdim }) => (axis === null && !keepdim ? 'SumBackward0' : 'SumBackward1'),
  shape: reduceShape,
  prepare: prepareReduce,
  forward: ([x], y, ctx) => reduceForward(x, y, ctx, 1),
  // d(Σx)/dxᵢ = 1 · g, g broadcast back over the reduced axis
  backward: (_x, _y, g, [gx], ctx) => gx && reduceBackward(g, gx, ctx, 1),
  float32: {
    // torch.sum: the sum in PyTorch's cascade order.
    forward: ([x], y, ctx) => reduceForward32(x, y, ctx, 1),
    backward: (_x, _y, g, [gx], ctx) => gx && reduceBackward32(g, gx, ctx, 1),
  },
  torchCall: { functions: ['torch.sum'], methods: ['sum'], args: reduceArgs },
  torch: ([x], attrs) => reduceTorch('sum', x, attrs),

  explain: {
    forward: ({ x, n }) => (n === '1' ? x : `Σ(${x}, …)`),
    backward: { x: { derivative: '∂(Σ xᵢ)/∂xᵢ = 1', gradIn: 'grad_in = grad_out', numbers: ({ g }) => g, note: 'copied' } },
  },
  recipe: {
    inputs: { x: { type: 'operand' } },
    attrs: { axis: { type: 'axis', of: 'x', orNull: 0.35 }, keepdim: { type: 'chance', p: 0.4 } },
    defaults: 0.15,
  },
  domain: {},
};
