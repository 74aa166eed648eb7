import type { OpDef } from './types';
import { frac } from './mathText';
import { unaryPorts } from './unary';
import { f32 } from '../tensor/float32';
import { checkNonEmptyReduction, firstMaxIndex, prepareReduce, type ReduceAttrs, reduceAttrs, type ReduceCtx, reduceShape, reduceArgs } from './reduce';

/** The reduction's layout, and whether it is the full reduction (ties share the gradient) or along an axis (the first maximum takes it). */
interface MaxCtx extends ReduceCtx {
  readonly full: boolean;
}

/** The full reduction: the largest element, NaN if any element is NaN. */
function fullMax(x: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v > m || Number.isNaN(v)) m = v;
    if (Number.isNaN(m)) break;
  }
  return m;
}

/**
 * `max`: the largest element, or the largest along `axis` (keeping it with `keepdim`), as
 * torch.max(x) and torch.max(x, dim).values; NaN wins, as in PyTorch. The two differ in their
 * gradient, and so does this op: the full reduction splits it evenly between tied maxima,
 * along an axis it goes to the first maximum of each slice (the index torch.max returns).
 */
export const max: OpDef<ReduceAttrs, MaxCtx> = {
  kind: 'op',
  name: 'max',
  group: 'reductions',
  formula: 'y = max x',
  inputs: unaryPorts,
  attrs: reduceAttrs,
  gradFn: 'MaxBackward1',
  // torch.max(x) is MaxBackward1; torch.max(x, dim).values is MaxBackward0.
  gradFnOf: ({ axis }) => (axis === null ? 'MaxBackward1' : 'MaxBackward0'),
  shape(inputs, attrs) {
    const shape = reduceShape(inputs, attrs);
    checkNonEmptyReduction('max', inputs, attrs);
    return shape;
  },
  prepare: (shapes, attrs) => ({ ...prepareReduce(shapes, attrs), full: attrs.axis === null }),
  forward([x], y, { outer, len, inner, full }) {
    if (full) {
      y[0] = fullMax(x);
      return;
    }
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < inner; k++) {
        const base = o * len * inner + k;
        y[o * inner + k] = x[base + firstMaxIndex(x, base, len, inner) * inner];
      }
    }
  },
  // Full: d(max x)/dxᵢ = g / (number of maxima) at each maximum, 0 elsewhere (ties share evenly).
  // Along an axis: dyₖ/dxⱼ = 1 at the slice's first maximum, 0 elsewhere.
  backward([x], y, g, [gx], { outer, len, inner, full }) {
    if (!gx) return;
    if (full) {
      const m = y[0];
      const nan = Number.isNaN(m);
      let count = 0;
      for (let i = 0; i < x.length; i++) if (nan ? Number.isNaN(x[i]) : x[i] === m) count++;
      const share = g[0] / count;
      for (let i = 0; i < x.length; i++) if (nan ? Number.isNaN(x[i]) : x[i] === m) gx[i] += share;
      return;
    }
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < inner; k++) {
        const base = o * len * inner + k;
        gx[base + firstMaxIndex(x, base, len, inner) * inner] += g[o * inner + k];
      }
    }
  },
  float32: {
    // The largest element is exact; the full reduction's backward divides by the number of maxima.
    forward: (x, y, ctx) => max.forward(x, y, ctx),
    backward([x], y, g, [gx], { outer, len, inner, full }) {
      if (!gx) return;
      if (full) {
        const m = y[0];
        const nan = Number.isNaN(m);
        let count = 0;
        for (let i = 0; i < x.length; i++) if (nan ? Number.isNaN(x[i]) : x[i] === m) count++;
        const share = f32(g[0] / count);
        for (let i = 0; i < x.length; i++) if (nan ? Number.isNaN(x[i]) : x[i] === m) gx[i] = f32(gx[i] + share);
        return;
      }
      for (let o = 0; o < outer; o++) {
        for (let k = 0; k < inner; k++) {
          const at = o * len * inner + k + firstMaxIndex(x, o * len * inner + k, len, inner) * inner;
          gx[at] = f32(gx[at] + g[o * inner + k]);
        }
      }
    },
  },
  torchCall: { functions: ['torch.max'], methods: ['max'], args: reduceArgs, valuesIndices: true },
  torch([x], { axis, keepdim }) {
    if (axis !== null) return `torch.max(${x}, dim=${axis}${keepdim ? ', keepdim=True' : ''}).values`;
    return keepdim ? `torch.max(${x}).reshape([1] * ${x}.dim())` : `torch.max(${x})`;
  },
  explain: {
    forward: ({ x, n, axis }) => (n === '1' ? `max(${x})` : axis === undefined || axis === '?' ? `max(${x}, …)` : `max(${x}, …) along axis ${axis}`),
    backward: {
      x: {
        derivative: '∂max(x)/∂xᵢ = [xᵢ = max x] / #{j : xⱼ = max x}; along an axis, 1 at the first maximum',
        gradIn: 'grad_in = [x = y]·grad_out / #{x = y}',
        numbers: ({ x, y, g }) => frac(`[${x} = ${y}]·${g}`, '#{x = y}'),
      },
    },
  },
  recipe: {
    inputs: { x: { type: 'operand' } },
    attrs: { axis: { type: 'axis', of: 'x', orNull: 0.5 }, keepdim: { type: 'chance', p: 0.4 } },
    defaults: 0.2,
  },
  // Near-ties would make the engine and PyTorch pick different maxima within rounding.
  domain: ({ axis }) => ({ x: axis === null ? { clearMaximum: true } : { clearMaximumAlong: axis } }),
};
