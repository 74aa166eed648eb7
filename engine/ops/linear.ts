import type { OpDef } from './types';
import { formatShape, ShapeError, sizeOf } from '../tensor/shape';

/** Attributes of `linear`, as `nn.Linear(inFeatures, outFeatures)`. */
export interface LinearAttrs {
  [key: string]: number;
  inFeatures: number;
  outFeatures: number;
}

/** Rows (all leading axes flattened), input and output features. */
interface LinearCtx {
  readonly rows: number;
  readonly nIn: number;
  readonly nOut: number;
}

/** `linear`: y = x Wᵀ + b, owning `weight [out, in]` and `bias [out]` exactly like nn.Linear. */
export const linear: OpDef<LinearAttrs, LinearCtx> = {
  kind: 'op',
  name: 'linear',
  group: 'layers',
  formula: 'y = x Wᵀ + b',
  inputs: [{ name: 'x' }],
  attrs: [
    { name: 'inFeatures', type: 'integer', default: 1, min: 1 },
    { name: 'outFeatures', type: 'integer', default: 1, min: 1 },
  ],
  gradFn: 'AddmmBackward0',
  params: ({ inFeatures, outFeatures }) => [
    { name: 'weight', shape: [outFeatures, inFeatures], fanIn: inFeatures },
    { name: 'bias', shape: [outFeatures], fanIn: inFeatures },
  ],
  shape([x], { inFeatures, outFeatures }) {
    if (x.length === 0 || x[x.length - 1] !== inFeatures) {
      throw new ShapeError(`linear expects x with last axis of length inFeatures = ${inFeatures}, got ${formatShape(x)}`);
    }
    return [...x.slice(0, -1), outFeatures];
  },
  prepare: ({ inputs: [x] }, { inFeatures, outFeatures }) => ({
    rows: sizeOf(x) / inFeatures,
    nIn: inFeatures,
    nOut: outFeatures,
  }),
  forward([x, w, b], y, { rows, nIn, nOut }) {
    if (nIn === 1 && nOut === 1) {
      // The course's y = w·x + b: one multiply-add per row.
      const w0 = w[0];
      const b0 = b[0];
      for (let r = 0; r < rows; r++) y[r] = x[r] * w0 + b0;
      return;
    }
    for (let r = 0, xo = 0, yo = 0; r < rows; r++, xo += nIn) {
      for (let o = 0, wo = 0; o < nOut; o++, wo += nIn, yo++) y[yo] = dot(x, xo, w, wo, nIn) + b[o];
    }
  },
  // dx = G W, dW = Gᵀ x, db = Σ_rows G; one pass per wanted gradient keeps each loop branch-free
  backward([x, w], _y, g, [gx, gw, gb], { rows, nIn, nOut }) {
    if (gb) {
      for (let o = 0; o < nOut; o++) {
        let s = 0;
        for (let go = o; go < rows * nOut; go += nOut) s += g[go];
        gb[o] += s;
      }
    }
    if (gw && nIn === 1 && nOut === 1) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += g[r] * x[r];
      gw[0] += s;
    } else if (gw) {
      for (let r = 0, xo = 0, go = 0; r < rows; r++, xo += nIn) {
        for (let wo = 0; wo < nOut * nIn; wo += nIn, go++) axpy(g[go], x, xo, gw, wo, nIn);
      }
    }
    if (gx) {
      for (let r = 0, xo = 0, go = 0; r < rows; r++, xo += nIn) {
        for (let wo = 0; wo < nOut * nIn; wo += nIn, go++) axpy(g[go], w, wo, gx, xo, nIn);
      }
    }
  },
  torch: ([x, w, b]) => `torch.nn.functional.linear(${x}, ${w}, ${b})`,
};

/** Σᵢ a[ao + i]·b[bo + i] over n elements, four at a time for instruction-level parallelism. */
function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[ao + i] * b[bo + i];
    s1 += a[ao + i + 1] * b[bo + i + 1];
    s2 += a[ao + i + 2] * b[bo + i + 2];
    s3 += a[ao + i + 3] * b[bo + i + 3];
  }
  for (; i < n; i++) s0 += a[ao + i] * b[bo + i];
  return s0 + s1 + (s2 + s3);
}

/** out[oo + i] += k·a[ao + i] over n elements, four at a time. */
function axpy(k: number, a: Float64Array, ao: number, out: Float64Array, oo: number, n: number): void {
  let i = 0;
  for (; i + 3 < n; i += 4) {
    out[oo + i] += k * a[ao + i];
    out[oo + i + 1] += k * a[ao + i + 1];
    out[oo + i + 2] += k * a[ao + i + 2];
    out[oo + i + 3] += k * a[ao + i + 3];
  }
  for (; i < n; i++) out[oo + i] += k * a[ao + i];
}
