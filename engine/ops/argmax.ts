import type { OpDef } from './types';
import { checkNonEmptyReduction, firstMaxIndex, prepareReduce, type ReduceAttrs, reduceAttrs, type ReduceCtx, reduceShape, reduceArgs } from './reduce';

/**
 * `argmax`: the index of the largest element along `axis` (of the flattened tensor when no
 * axis), as torch.argmax: the first maximum wins, and a NaN counts as the largest. Indices are
 * whole numbers held as floats like every GradCanvas tensor (the export casts them back), and
 * no gradient flows through them: a class read off scores is a step function of them.
 */
export const argmax: OpDef<ReduceAttrs, ReduceCtx> = {
  kind: 'op',
  name: 'argmax',
  group: 'reductions',
  formula: 'y = argmax x',
  inputs: [{ name: 'x', differentiable: false }],
  attrs: reduceAttrs,
  gradFn: 'none (argmax has no gradient)',
  shape(inputs, attrs) {
    const shape = reduceShape(inputs, attrs);
    checkNonEmptyReduction('argmax', inputs, attrs);
    return shape;
  },
  prepare: prepareReduce,
  forward([x], y, { outer, len, inner }) {
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < inner; k++) y[o * inner + k] = firstMaxIndex(x, o * len * inner + k, len, inner);
    }
  },
  // No gradient: the index is piecewise constant in x, and PyTorch's argmax does not require grad.
  backward() {},
  // Indices are exact in float32 (below 2²⁴), and there is still no gradient.
  float32: { forward: (x, y, ctx) => argmax.forward(x, y, ctx), backward() {} },
  torchCall: { functions: ['torch.argmax'], methods: ['argmax'], args: reduceArgs, result: 'int64' },
  torch([x], { axis, keepdim }) {
    const dim = axis === null ? '' : `, dim=${axis}`;
    return `torch.argmax(${x}${dim}${keepdim ? ', keepdim=True' : ''}).to(${x}.dtype)`;
  },
  explain: {
    forward: ({ x, n, axis }) => (n === '1' ? '0' : axis === undefined || axis === '?' ? `argmax(${x}, …)` : `argmax(${x}, …) along axis ${axis}`),
    backward: {},
  },
  recipe: {
    inputs: { x: { type: 'operand' } },
    attrs: { axis: { type: 'axis', of: 'x', orNull: 0.35 }, keepdim: { type: 'chance', p: 0.4 } },
    defaults: 0.15,
  },
  // Near-ties would make the engine and PyTorch pick different indices within rounding.
  domain: ({ axis }) => ({ x: axis === null ? { clearMaximum: true } : { clearMaximumAlong: axis } }),
};
