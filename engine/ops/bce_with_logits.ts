import type { OpDef } from './types';
import { type LossAttrs, type LossCtx, lossPorts, lossShape, explainLoss, perElement, prepareLoss, reduceLoss32, reductionAttr, reductionArg } from './loss';
import { expfAt, f32, sleefExpf, sleefLogf } from '../tensor/float32';

/** `bce_with_logits`: sigmoid and binary cross-entropy in one stable step, like nn.BCEWithLogitsLoss. */
export const bce_with_logits: OpDef<LossAttrs, LossCtx> = {
  kind: 'op',
  name: 'bce_with_logits',
  group: 'losses',
  formula: 'L = BCE(σ(x), t)',
  inputs: lossPorts(true),
  attrs: [reductionAttr],
  gradFn: 'BinaryCrossEntropyWithLogitsBackward0',
  shape: lossShape('bce_with_logits'),
  prepare: prepareLoss,
  forward([x, t], y, { divisor }) {
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      // PyTorch's stable form: (1 − t)x + m + ln(e⁻ᵐ + e⁻ˣ⁻ᵐ) with m = max(−x, 0)
      const m = Math.max(-x[i], 0);
      s += (1 - t[i]) * x[i] + m + Math.log(Math.exp(-m) + Math.exp(-x[i] - m));
    }
    y[0] = s / divisor;
  },
  // dL/dx = (σ(x) − t) · g / n;  dL/dt = −x · g / n
  backward([x, t], _y, g, [gx, gt], { divisor }) {
    for (let i = 0; i < x.length; i++) {
      if (gx) gx[i] += ((1 / (1 + Math.exp(-x[i])) - t[i]) * g[0]) / divisor;
      if (gt) gt[i] += (-x[i] * g[0]) / divisor;
    }
  },
  float32: {
    // PyTorch's (1 − t)·x + m + log(e⁻ᵐ + e⁻ˣ⁻ᵐ), m = max(−x, 0), one rounded kernel per step (torch.exp and torch.log: SLEEF throughout).
    forward([x, t], y, { divisor, terms }) {
      const n = x.length;
      for (let i = 0; i < n; i++) {
        const m = Math.max(-x[i], 0);
        const linear = f32(f32(f32(1 - t[i]) * x[i]) + m);
        terms[i] = f32(linear + sleefLogf(f32(sleefExpf(-m) + sleefExpf(f32(-x[i] - m)))));
      }
      reduceLoss32(terms, y, divisor);
    },
    // (σ(x) − t)·g, then / n for mean; the target's −x·g / n
    backward([x, t], _y, g, [gx, gt], { divisor }) {
      const n = x.length;
      for (let i = 0; i < n; i++) {
        if (gx) {
          const v = f32(f32(f32(1 / f32(1 + expfAt(-x[i], i, n))) - t[i]) * g[0]);
          gx[i] = f32(gx[i] + (divisor === 1 ? v : f32(v / divisor)));
        }
        if (gt) {
          const v = f32(-x[i] * g[0]);
          gt[i] = f32(gt[i] + (divisor === 1 ? v : f32(v / divisor)));
        }
      }
    },
  },
  torchCall: { functions: ['torch.nn.functional.binary_cross_entropy_with_logits'], args: [reductionArg] },
  torch: ([x, t], { reduction }, str) =>
    `torch.nn.functional.binary_cross_entropy_with_logits(${x}, ${t}, reduction=${str(reduction)})`,
  criterion: { module: 'nn.BCEWithLogitsLoss' },
  prediction: 'logit',
  explain: {
    forward: ({ input, target, n, reduction }) => explainLoss(`(1 − ${target})·${input} + log(1 + e^−${input})`, n, reduction),
    backward: {
      input: {
        derivative: '∂ℓ/∂x = (σ(x) − t) / n',
        gradIn: 'grad_in = (σ(x) − t) / n·grad_out',
        numbers: ({ input, target, n, reduction, g }) => `${perElement(reduction, n, `σ(${input}) − ${target}`)}·${g}`,
      },
      target: {
        derivative: '∂ℓ/∂t = −x / n',
        gradIn: 'grad_in = −x / n·grad_out',
        numbers: ({ input, n, reduction, g }) => `${perElement(reduction, n, `−${input}`)}·${g}`,
      },
    },
  },
  recipe: {
    inputs: { input: { type: 'operand', within: 15 }, target: { type: 'target', of: 'input' } },
    attrs: { reduction: { type: 'oneOf', values: ['mean', 'sum'] } },
    defaults: 0.2,
  },
  domain: { input: { within: 20 }, target: { min: 0, max: 1 } },
};
