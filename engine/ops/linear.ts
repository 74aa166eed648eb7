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
    for (let r = 0; r < rows; r++) {
      const xo = r * nIn;
      for (let o = 0; o < nOut; o++) {
        const wo = o * nIn;
        let s = 0;
        for (let i = 0; i < nIn; i++) s += x[xo + i] * w[wo + i];
        y[r * nOut + o] = s + b[o];
      }
    }
  },
  // dx = G W, dW = Gᵀ x, db = Σ_rows G
  backward([x, w], _y, g, [gx, gw, gb], { rows, nIn, nOut }) {
    for (let r = 0; r < rows; r++) {
      const xo = r * nIn;
      for (let o = 0; o < nOut; o++) {
        const go = g[r * nOut + o];
        const wo = o * nIn;
        if (gb) gb[o] += go;
        if (gw) for (let i = 0; i < nIn; i++) gw[wo + i] += go * x[xo + i];
        if (gx) for (let i = 0; i < nIn; i++) gx[xo + i] += go * w[wo + i];
      }
    }
  },
  torch: ([x, w, b]) => `torch.nn.functional.linear(${x}, ${w}, ${b})`,
};
