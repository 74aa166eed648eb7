import type { OpDef } from './types';
import { frac } from './mathText';
import { type LossAttrs, lossPorts, perElement, reductionAttr, reductionArg } from './loss';
import { formatShape, ShapeError } from '../tensor/shape';
import { OpRunError } from '../graph/problemReasons';
import { f32, fma32, sleefExpf, sleefLogf } from '../tensor/float32';
import { laneSum } from './float32';

/** Rows, classes, the reduction's divisor, and the softmax kept from forward for backward. */
interface CrossEntropyCtx {
  readonly rows: number;
  readonly classes: number;
  readonly divisor: number;
  readonly prob: Float64Array;
  /** float32: log_softmax(x), kept from forward for backward. */
  readonly logp: Float64Array;
}

/** The number of partial sums nll_loss's cascade keeps. */
const NLL_LEVELS = 8;

/**
 * Σ values in the order of nll_loss's forward on the CPU: each value joins the lowest of eight
 * partial sums, which cascade up every 2^p rows (p ≥ 4), and the partial sums are added last.
 */
function nllCascade(value: (r: number) => number, rows: number): number {
  const power = Math.max(4, Math.floor((rows <= 2 ? 1 : Math.ceil(Math.log2(rows))) / NLL_LEVELS));
  const mask = 2 ** power - 1;
  const partial = new Array<number>(NLL_LEVELS).fill(0);
  for (let r = 0; r < rows; r++) {
    partial[0] = f32(partial[0] + value(r));
    for (let j = 0; j + 1 < NLL_LEVELS; j++) {
      if ((r & (mask * 2 ** (j * power))) !== 0) break;
      partial[j + 1] = f32(partial[j + 1] + partial[j]);
      partial[j] = 0;
    }
  }
  return partial.reduce((s, v) => f32(s + v), 0);
}

/** Class indices as PyTorch's cross-entropy wants them: a long tensor. */
const asLabels = (t: string): string => `${t}.long()`;

/** `cross_entropy`: log-softmax and negative log-likelihood of integer labels, like nn.CrossEntropyLoss. */
export const cross_entropy: OpDef<LossAttrs, CrossEntropyCtx> = {
  kind: 'op',
  name: 'cross_entropy',
  group: 'losses',
  formula: 'L = −(1/N) Σ ln softmax(x)[label]',
  inputs: lossPorts(false),
  attrs: [reductionAttr],
  gradFn: 'NllLossBackward0',
  shape([x, t]) {
    if (x.length !== 2 || t.length !== 1 || t[0] !== x[0]) {
      throw new ShapeError('cross_entropy_shapes', { a: formatShape(x), b: formatShape(t) });
    }
    return [];
  },
  prepare: ({ inputs: [x] }, { reduction }) => ({
    rows: x[0],
    classes: x[1],
    divisor: reduction === 'mean' ? x[0] : 1,
    prob: new Float64Array(x[0] * x[1]),
    logp: new Float64Array(x[0] * x[1]),
  }),
  // Like PyTorch's log_softmax, the shift by the row's maximum stays separate from log Σ exp:
  // log p = (x − m) − log z. Folding it into m + log z first would round away log z once
  // |m| is large (logits of 1e17 give a loss of 0 instead of ln 2).
  forward([x, t], y, { rows, classes, divisor, prob }) {
    let s = 0;
    for (let r = 0; r < rows; r++) {
      const label = t[r];
      if (!Number.isInteger(label) || label < 0 || label >= classes) {
        throw new OpRunError('label_out_of_range', { label, row: r, last: classes - 1 });
      }
      const o = r * classes;
      let m = -Infinity;
      for (let c = 0; c < classes; c++) m = Math.max(m, x[o + c]);
      let z = 0;
      for (let c = 0; c < classes; c++) z += Math.exp(x[o + c] - m);
      const logZ = Math.log(z);
      for (let c = 0; c < classes; c++) prob[o + c] = Math.exp(x[o + c] - m - logZ);
      s -= x[o + label] - m - logZ;
    }
    y[0] = s / divisor;
  },
  // dL/dx[r, c] = (softmax(x)[r, c] − [c = label]) · g / N. Forming p − 1 before scaling keeps
  // the label's gradient precise when p is close to 1, where PyTorch's agrees with it to 1e-12.
  backward([, t], _y, g, [gx], { rows, classes, divisor, prob }) {
    if (!gx) return;
    for (let r = 0; r < rows; r++) {
      const o = r * classes;
      const label = t[r];
      for (let c = 0; c < classes; c++) gx[o + c] += ((prob[o + c] - (c === label ? 1 : 0)) * g[0]) / divisor;
    }
  },
  float32: {
    // log_softmax along the classes (x − max − log Σ exp(x − max), SLEEF's exp and log), then nll_loss's cascade and / N.
    forward([x, t], y, { rows, classes, divisor, logp }) {
      for (let r = 0; r < rows; r++) {
        const label = t[r];
        if (!Number.isInteger(label) || label < 0 || label >= classes) {
          throw new OpRunError('label_out_of_range', { label, row: r, last: classes - 1 });
        }
        const o = r * classes;
        let m = -Infinity;
        for (let c = 0; c < classes; c++) m = Math.max(m, x[o + c]);
        const logZ = sleefLogf(laneSum((c) => sleefExpf(f32(x[o + c] - m)), classes));
        for (let c = 0; c < classes; c++) logp[o + c] = f32(f32(x[o + c] - m) - logZ);
      }
      const total = nllCascade((r) => -logp[r * classes + t[r]], rows);
      y[0] = divisor === 1 ? total : f32(total / divisor);
    },
    // nll_loss puts −g/N at each label; log_softmax's backward makes it grad − exp(log p)·Σ grad, fused.
    backward([, t], _y, g, [gx], { rows, classes, divisor, logp }) {
      if (!gx) return;
      const atLabel = -(divisor === 1 ? g[0] : f32(g[0] / divisor));
      for (let r = 0; r < rows; r++) {
        const o = r * classes;
        for (let c = 0; c < classes; c++) {
          const grad = c === t[r] ? atLabel : 0;
          gx[o + c] = f32(gx[o + c] + fma32(-sleefExpf(logp[o + c]), atLabel, grad));
        }
      }
    },
  },
  torchCall: { functions: ['torch.nn.functional.cross_entropy'], args: [reductionArg], integerPorts: ['target'] },
  torch: ([x, t], { reduction }, str) => `torch.nn.functional.cross_entropy(${x}, ${asLabels(t)}, reduction=${str(reduction)})`,
  criterion: { module: 'nn.CrossEntropyLoss', target: asLabels },
  prediction: 'class-logits',
  explain: {
    forward: ({ target, reduction }) => (reduction === 'sum' ? `−log softmax(x₀)[${target}] + …` : frac(`−log softmax(x₀)[${target}] + …`, 'N')),
    backward: {
      input: {
        derivative: '∂ℓ/∂x = (softmax(x) − onehot(t)) / N',
        gradIn: 'grad_in = (softmax(x) − onehot(t)) / N·grad_out',
        numbers: ({ target, reduction, g }) => `${perElement(reduction, 'N', `softmax(x₀)₀ − [${target} = 0]`)}·${g}`,
      },
    },
  },
  recipe: {
    inputs: { input: { type: 'logits' }, target: { type: 'labels', of: 'input' } },
    attrs: { reduction: { type: 'oneOf', values: ['mean', 'sum'] } },
    defaults: 0.2,
  },
  domain: { target: { integer: true, noGrad: true } },
};
