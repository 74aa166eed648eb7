import type { OpDef } from './types';
import { frac } from './mathText';
import { type LossAttrs, type LossCtx, lossPorts, lossShape, explainLoss, perElement, prepareLoss, reduceLoss32, reductionAttr, reductionArg } from './loss';
import { f32, libmLogf, sleefLogf } from '../tensor/float32';
import { OpRunError } from '../graph/problemReasons';

/**
 * PyTorch clamps each log term of BCE at −100 and the gradient's denominator at EPSILON = 1e-12,
 * declared `float` in its kernels: the floor is 1e-12 rounded to float32 (9.999999960041972e-13).
 */
const LOG_FLOOR = -100;
const EPSILON = Math.fround(1e-12);

/** `bce`: binary cross-entropy of probabilities against targets, like nn.BCELoss. */
export const bce: OpDef<LossAttrs, LossCtx> = {
  kind: 'op',
  name: 'bce',
  group: 'losses',
  formula: 'L = −(1/n) Σ [t ln x + (1 − t) ln(1 − x)]',
  inputs: lossPorts(true),
  attrs: [reductionAttr],
  gradFn: 'BinaryCrossEntropyBackward0',
  shape: lossShape('bce'),
  prepare: prepareLoss,
  forward([x, t], y, { divisor }) {
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const p = x[i];
      if (!(p >= 0 && p <= 1)) throw new OpRunError('bce_not_probability', { got: p, index: i });
      s += (t[i] - 1) * Math.max(Math.log1p(-p), LOG_FLOOR) - t[i] * Math.max(Math.log(p), LOG_FLOOR);
    }
    y[0] = s / divisor;
  },
  // dL/dx = (x − t) / max(x(1 − x), 1e-12) · g / n;  dL/dt = −logit(x) · g / n
  backward([x, t], _y, g, [gx, gt], { divisor }) {
    for (let i = 0; i < x.length; i++) {
      if (gx) gx[i] += (g[0] * (x[i] - t[i])) / Math.max((1 - x[i]) * x[i], EPSILON) / divisor;
      if (gt) gt[i] += (-Math.log(x[i] / (1 - x[i])) * g[0]) / divisor;
    }
  },
  float32: {
    // Each term (t − 1)·max(log(1 − x), −100) − t·max(log x, −100) with every step rounded (the C
    // library's logf, as PyTorch 1.13's scalar kernel calls it), then torch.sum's order.
    forward([x, t], y, { divisor, terms }) {
      for (let i = 0; i < x.length; i++) {
        const p = x[i];
        if (!(p >= 0 && p <= 1)) throw new OpRunError('bce_not_probability', { got: p, index: i });
        const low = Math.max(libmLogf(f32(1 - p)), LOG_FLOOR);
        const high = Math.max(libmLogf(p), LOG_FLOOR);
        terms[i] = f32(f32(f32(t[i] - 1) * low) - f32(t[i] * high));
      }
      reduceLoss32(terms, y, divisor);
    },
    // g·(x − t) / max((1 − x)·x, ε), then / n for mean; the target's (log(1 − x) − log x)·g / n
    backward([x, t], _y, g, [gx, gt], { divisor }) {
      for (let i = 0; i < x.length; i++) {
        if (gx) {
          const v = f32(f32(g[0] * f32(x[i] - t[i])) / Math.max(f32(f32(1 - x[i]) * x[i]), EPSILON));
          gx[i] = f32(gx[i] + (divisor === 1 ? v : f32(v / divisor)));
        }
        if (gt) {
          // PyTorch 1.13: (log(1 − x) − log x)·g, torch.log being SLEEF's on every element.
          const v = f32(f32(sleefLogf(f32(1 - x[i])) - sleefLogf(x[i])) * g[0]);
          gt[i] = f32(gt[i] + (divisor === 1 ? v : f32(v / divisor)));
        }
      }
    },
  },
  torchCall: { functions: ['torch.nn.functional.binary_cross_entropy'], args: [reductionArg] },
  torch: ([x, t], { reduction }, str) => `torch.nn.functional.binary_cross_entropy(${x}, ${t}, reduction=${str(reduction)})`,
  criterion: { module: 'nn.BCELoss' },
  prediction: 'probability',
  explain: {
    forward: ({ input, target, n, reduction }) => explainLoss(`−(${target}·log(${input}) + (1 − ${target})·log(1 − ${input}))`, n, reduction),
    backward: {
      input: {
        derivative: '∂ℓ/∂x = (x − t) / (x(1 − x)) / n',
        gradIn: 'grad_in = (x − t) / (x(1 − x)) / n·grad_out',
        numbers: ({ input, target, n, reduction, g }) => `${perElement(reduction, n, frac(`${input} − ${target}`, `${input}·(1 − ${input})`))}·${g}`,
      },
      target: {
        derivative: '∂ℓ/∂t = −log(x / (1 − x)) / n',
        gradIn: 'grad_in = −log(x / (1 − x)) / n·grad_out',
        numbers: ({ input, n, reduction, g }) => `${perElement(reduction, n, `−log(${frac(input, `1 − ${input}`)})`)}·${g}`,
      },
    },
  },
  recipe: {
    inputs: { input: { type: 'probability' }, target: { type: 'target', of: 'input' } },
    attrs: { reduction: { type: 'oneOf', values: ['mean', 'sum'] } },
    defaults: 0.2,
  },
  // Probabilities from a sigmoid, off the clamps at 0 and 1 that PyTorch applies to the logs.
  domain: { input: { from: 'sigmoid', min: 1e-3, max: 1 - 1e-3 }, target: { min: 0, max: 1 } },
};
