import type { OpDef } from './types';
import { formatShape, ShapeError, sizeOf } from '../tensor/shape';
import { f32 } from '../tensor/float32';
import { torchSum32 } from '../tensor/sum32';

/** Attributes of `linear`, as `nn.Linear(inFeatures, outFeatures)`. */
export interface LinearAttrs {
  [key: string]: number;
  inFeatures: number;
  outFeatures: number;
}

/** Rows (all leading axes flattened), input and output features, and float32's bias-gradient scratch. */
interface LinearCtx {
  readonly rows: number;
  readonly nIn: number;
  readonly nOut: number;
  readonly biasSum: Float64Array;
}

/** Σᵢ a[ao + i·as]·b[bo + i·bs] over n terms in float32, one term after another from 0, as the reference BLAS's sgemm adds them. */
function dot32(a: Float64Array, ao: number, as: number, b: Float64Array, bo: number, bs: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s = f32(s + f32(a[ao + i * as] * b[bo + i * bs]));
  return s;
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
      throw new ShapeError('linear_features', { inFeatures, x: formatShape(x) });
    }
    return [...x.slice(0, -1), outFeatures];
  },
  prepare: ({ inputs: [x] }, { inFeatures, outFeatures }) => ({
    rows: sizeOf(x) / inFeatures,
    nIn: inFeatures,
    nOut: outFeatures,
    biasSum: new Float64Array(outFeatures),
  }),
  forward([x, w, b], y, { rows, nIn, nOut }) {
    if (nIn === 1 && nOut === 1) {
      // The course's y = w·x + b: one multiply-add per row.
      const w0 = w[0];
      const b0 = b[0];
      for (let r = 0; r < rows; r++) y[r] = x[r] * w0 + b0;
      return;
    }
    // Two rows at a time share each weight load and keep eight partial sums in flight.
    const n4 = nIn - (nIn & 3);
    let r = 0;
    for (; r + 1 < rows; r += 2) {
      const xa = r * nIn;
      const xb = xa + nIn;
      const ya = r * nOut;
      for (let o = 0, wo = 0; o < nOut; o++, wo += nIn) {
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let c0 = 0;
        let c1 = 0;
        let c2 = 0;
        let c3 = 0;
        let i = 0;
        for (; i < n4; i += 4) {
          const w0 = w[wo + i];
          const w1 = w[wo + i + 1];
          const w2 = w[wo + i + 2];
          const w3 = w[wo + i + 3];
          a0 += x[xa + i] * w0;
          a1 += x[xa + i + 1] * w1;
          a2 += x[xa + i + 2] * w2;
          a3 += x[xa + i + 3] * w3;
          c0 += x[xb + i] * w0;
          c1 += x[xb + i + 1] * w1;
          c2 += x[xb + i + 2] * w2;
          c3 += x[xb + i + 3] * w3;
        }
        for (; i < nIn; i++) {
          const wi = w[wo + i];
          a0 += x[xa + i] * wi;
          c0 += x[xb + i] * wi;
        }
        y[ya + o] = a0 + a1 + (a2 + a3) + b[o];
        y[ya + nOut + o] = c0 + c1 + (c2 + c3) + b[o];
      }
    }
    for (; r < rows; r++) {
      const xo = r * nIn;
      for (let o = 0, wo = 0; o < nOut; o++, wo += nIn) y[r * nOut + o] = dot(x, xo, w, wo, nIn) + b[o];
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
      // Four columns of dW at a time in registers, rows innermost: the same sums in the same order.
      for (let o = 0, wo = 0; o < nOut; o++, wo += nIn) {
        let i = 0;
        for (; i + 3 < nIn; i += 4) {
          let a0 = gw[wo + i];
          let a1 = gw[wo + i + 1];
          let a2 = gw[wo + i + 2];
          let a3 = gw[wo + i + 3];
          for (let r = 0, xo = i, go = o; r < rows; r++, xo += nIn, go += nOut) {
            const k = g[go];
            a0 += k * x[xo];
            a1 += k * x[xo + 1];
            a2 += k * x[xo + 2];
            a3 += k * x[xo + 3];
          }
          gw[wo + i] = a0;
          gw[wo + i + 1] = a1;
          gw[wo + i + 2] = a2;
          gw[wo + i + 3] = a3;
        }
        for (; i < nIn; i++) {
          let a = gw[wo + i];
          for (let r = 0, xo = i, go = o; r < rows; r++, xo += nIn, go += nOut) a += g[go] * x[xo];
          gw[wo + i] = a;
        }
      }
    }
    if (gx) {
      // Per row, four inputs at a time in registers, outputs innermost: the same sums in the same order.
      for (let r = 0, xo = 0, go = 0; r < rows; r++, xo += nIn, go += nOut) {
        let i = 0;
        for (; i + 3 < nIn; i += 4) {
          let a0 = gx[xo + i];
          let a1 = gx[xo + i + 1];
          let a2 = gx[xo + i + 2];
          let a3 = gx[xo + i + 3];
          for (let o = 0, wo = i; o < nOut; o++, wo += nIn) {
            const k = g[go + o];
            a0 += k * w[wo];
            a1 += k * w[wo + 1];
            a2 += k * w[wo + 2];
            a3 += k * w[wo + 3];
          }
          gx[xo + i] = a0;
          gx[xo + i + 1] = a1;
          gx[xo + i + 2] = a2;
          gx[xo + i + 3] = a3;
        }
        for (; i < nIn; i++) {
          let a = gx[xo + i];
          for (let o = 0, wo = i; o < nOut; o++, wo += nIn) a += g[go + o] * w[wo];
          gx[xo + i] = a;
        }
      }
    }
  },
  float32: {
    // addmm(b, x, Wᵀ) with PyTorch's reference BLAS: each dot product from 0, then the bias added.
    forward([x, w, b], y, { rows, nIn, nOut }) {
      for (let r = 0; r < rows; r++) {
        for (let o = 0; o < nOut; o++) y[r * nOut + o] = f32(dot32(x, r * nIn, 1, w, o * nIn, 1, nIn) + b[o]);
      }
    },
    // dx = G W and dW = Gᵀ x as sequential dot products; db = Σ_rows G by torch.sum's cascade.
    // PyTorch sums a gradient it holds as a broadcast view (from a sum or mean passed through an
    // add) in another order, which GradCanvas does not track: that bias gradient can differ.
    backward([x, w], _y, g, [gx, gw, gb], { rows, nIn, nOut, biasSum }) {
      if (gb) {
        torchSum32(g, 0, [rows, nOut], [true, false], biasSum);
        for (let o = 0; o < nOut; o++) gb[o] = f32(gb[o] + biasSum[o]);
      }
      if (gw) {
        for (let o = 0; o < nOut; o++) {
          for (let i = 0; i < nIn; i++) gw[o * nIn + i] = f32(gw[o * nIn + i] + dot32(g, o, nOut, x, i, nIn, rows));
        }
      }
      if (gx) {
        for (let r = 0; r < rows; r++) {
          for (let i = 0; i < nIn; i++) gx[r * nIn + i] = f32(gx[r * nIn + i] + dot32(g, r * nOut, 1, w, i, nIn, nOut));
        }
      }
    },
    inexact: {
      ulps: 2,
      why: 'when the output\'s gradient is a broadcast view in PyTorch (it comes from a sum or mean through an add), PyTorch adds the bias gradient in another order',
    },
  },
  torchCall: { functions: ['torch.nn.functional.linear'], paramArgs: true },
  torch: ([x, w, b]) => `torch.nn.functional.linear(${x}, ${w}, ${b})`,
  torchModule: ({ inFeatures, outFeatures }) => `nn.Linear(${inFeatures}, ${outFeatures})`,
  // nn.Linear's reset_parameters: weight and bias uniform in ±1/√inFeatures (`default` with each ParamSpec's fanIn).
  init: { type: 'default', seed: 0 },
  attrSummary: ({ inFeatures, outFeatures }) => `${inFeatures} → ${outFeatures}`,
  explain: {
    forward: ({ x, weight, bias, inFeatures }) => `(${x})·(${weight})${inFeatures === '1' ? '' : ' + …'} + (${bias})`,
    backward: {
      x: {
        derivative: '∂(x·Wᵀ + b)/∂x = W',
        gradIn: 'grad_in = grad_out·W',
        numbers: ({ g, weight, outFeatures }) => `(${g})·(${weight})${outFeatures === '1' ? '' : ' + …'}`,
      },
      weight: { derivative: '∂(x·Wᵀ + b)/∂W = x', gradIn: 'grad_W = grad_outᵀ·x', numbers: () => 'Σ grad_out·x', note: 'rows' },
      bias: { derivative: '∂(x·Wᵀ + b)/∂b = 1', gradIn: 'grad_b = Σ grad_out', numbers: () => 'Σ grad_out', note: 'rows' },
    },
  },
  recipe: {
    inputs: { x: { type: 'operand', within: 50, minRank: 1 } },
    attrs: { inFeatures: { type: 'lastAxis', of: 'x' }, outFeatures: { type: 'int', min: 1, max: 3 } },
    params: { weight: { type: 'signed', min: 0.1, max: 1 }, bias: { type: 'signed', min: 0.05, max: 0.8 } },
  },
  domain: {},
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
