import type { OpDef } from './types';
import { unaryPorts } from './unary';
import { type ReduceAttrs, type ReduceCtx, prepareReduce, reduceAttrs, reduceBackward, reduceForward, reduceShape, reduceTorch } from './reduce';

/** `mean`: the mean of all elements, or along `axis` (keeping it with `keepdim`). */
export const mean: OpDef<ReduceAttrs, ReduceCtx> = {
  kind: 'op',
  name: 'mean',
  group: 'reductions',
  formula: 'y = (1/n) Σ x',
  inputs: unaryPorts,
  attrs: reduceAttrs,
  gradFn: 'MeanBackward0',
  shape: reduceShape,
  prepare: prepareReduce,
  forward: ([x], y, ctx) => reduceForward(x, y, ctx, ctx.len),
  // d(mean x)/dxᵢ = g / n
  backward: (_x, _y, g, [gx], ctx) => gx && reduceBackward(g, gx, ctx, ctx.len),
  torch: ([x], attrs) => reduceTorch('mean', x, attrs),
};
