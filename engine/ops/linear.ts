import type { OpDef } from './types';
import { formatShape, ShapeError, sizeOf } from '../tensor/shape';
import { f32 } from '../tensor/float32';
import { torchSum32 } from '../tensor/sum32';
import { linearBiasGrad, linearInputGradRows, linearRows, linearWeightGrad } from './linearKernels';

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
    linearRows(x, w, b, y, 0, rows, nIn, nOut);
  },
  // dx = G W, dW = Gᵀ x, db = Σ_rows G; one pass per wanted gradient keeps each loop branch-free
  backward([x, w], _y, g, [gx, gw, gb], { rows, nIn, nOut }) {
    if (gb) linearBiasGrad(g, gb, rows, nOut);
    if (gw) linearWeightGrad(g, x, gw, rows, nIn, nOut);
    if (gx) linearInputGradRows(g, w, gx, 0, rows, nIn, nOut);
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
