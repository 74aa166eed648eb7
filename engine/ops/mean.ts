import type { OpDef } from './types';
import { frac } from './mathText';
import { unaryPorts } from './unary';
import { type ReduceAttrs, type ReduceCtx, prepareReduce, reduceAttrs, reduceBackward, reduceBackward32, reduceForward, reduceForward32, reduceShape, reduceTorch, reduceArgs } from './reduce';

/** `mean`: the mean of all elements, or along `axis` (keeping it with `keepdim`). */
export const mean: OpDef<ReduceAttrs, ReduceCtx> = {
  kind: 'op',
  name: 'mean',
  group: 'reductions',
  formula: 'y = (1/n) Σ x',
  inputs: unaryPorts,
  attrs: reduceAttrs,
  gradFn: 'MeanBackward0',
  // torch.mean(x) is MeanBackward0; with a dim (the export's keepdim form passes every dim) it is MeanBackward1.
  gradFnOf: ({ axis, keepdim }) => (axis === null && !keepdim ? 'MeanBackward0' : 'MeanBackward1'),
  shape: reduceShape,
  prepare: prepareReduce,
  forward: ([x], y, ctx) => reduceForward(x, y, ctx, ctx.len),
  // d(mean x)/dxᵢ = g / n
  backward: (_x, _y, g, [gx], ctx) => gx && reduceBackward(g, gx, ctx, ctx.len),
  float32: {
    // torch.mean: the sum in PyTorch's cascade order, then divided by n.
    forward: ([x], y, ctx) => reduceForward32(x, y, ctx, ctx.len),
    backward: (_x, _y, g, [gx], ctx) => gx && reduceBackward32(g, gx, ctx, ctx.len),
  },
  torchCall: { functions: ['torch.mean'], methods: ['mean'], args: reduceArgs },
  torch: ([x], attrs) => reduceTorch('mean', x, attrs),

  explain: {
    forward: ({ x, n }) => (n === '1' ? x : `mean(${x}, …)`),
    backward: { x: { derivative: '∂(Σ xᵢ / n)/∂xᵢ = 1/n', gradIn: 'grad_in = grad_out / n', numbers: ({ g, n }) => frac(g, n) } },
  },
  recipe: {
    inputs: { x: { type: 'operand' } },
    attrs: { axis: { type: 'axis', of: 'x', orNull: 0.35 }, keepdim: { type: 'chance', p: 0.4 } },
    defaults: 0.15,
  },
  domain: {},
};
