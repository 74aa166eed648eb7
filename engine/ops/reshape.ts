import type { OpDef } from './types';
import { noContext, unaryPorts } from './unary';
import { f32 } from '../tensor/float32';
import { reshapeTo } from '../tensor/shape';

/** Attributes of `reshape`: the new axis lengths, one of them -1 at most (what the others leave). */
export interface ReshapeAttrs {
  [key: string]: number[];
  shape: number[];
}

/** `shape` as Python writes it after `x.reshape`: `3, 2`, `-1`, or `()` for a scalar. */
function sizesText(shape: readonly number[]): string {
  return shape.length === 0 ? '()' : shape.join(', ');
}

/** A substituted element on its own, where no factor follows it: a negative number without its parentheses (`−4`, not `(−4)`). */
function alone(v: string): string {
  return v.replace(/^\((−[^()]*)\)$/, '$1');
}

/**
 * `reshape`: the same elements in row-major order, in a new shape, as x.reshape(shape) and
 * x.view(shape); one length may be -1, worked out from the others. Its gradient is grad_out
 * in the input's shape.
 */
export const reshape: OpDef<ReshapeAttrs, undefined> = {
  kind: 'op',
  name: 'reshape',
  group: 'shapes',
  formula: 'y = reshape(x)',
  inputs: unaryPorts,
  attrs: [{ name: 'shape', type: 'shape', default: [-1] }],
  // x.reshape(...) on a contiguous tensor, as the export writes it (x.view(...) would be ViewBackward0).
  gradFn: 'ReshapeAliasBackward0',
  shape: ([x], { shape }) => reshapeTo(x, shape),
  prepare: noContext,
  forward([x], y) {
    y.set(x);
  },
  // ∂yₖ/∂xₖ = 1 for the same element in row-major order: grad_in is grad_out in x's shape
  backward(_x, _y, g, [gx]) {
    if (!gx) return;
    for (let i = 0; i < g.length; i++) gx[i] += g[i];
  },
  float32: {
    // A copy, exact in float32; the gradient is added into what the input's gradient holds, rounded.
    forward([x], y) {
      y.set(x);
    },
    backward(_x, _y, g, [gx]) {
      if (!gx) return;
      for (let i = 0; i < g.length; i++) gx[i] = f32(gx[i] + g[i]);
    },
  },
  torchCall: { functions: ['torch.reshape'], methods: ['reshape', 'view'] },
  torch: ([x], { shape }) => `${x}.reshape(${sizesText(shape)})`,
  explain: {
    forward: ({ x }) => alone(x),
    sameOrder: true,
    backward: {
      x: { derivative: '∂yₖ/∂xₖ = 1', gradIn: 'grad_in = grad_out', numbers: ({ g }) => alone(g), note: 'reshaped' },
    },
  },
  recipe: { inputs: { x: { type: 'operand' } }, attrs: { shape: { type: 'reshapeOf', of: 'x' } } },
  domain: {},
};
