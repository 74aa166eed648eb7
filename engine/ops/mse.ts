import type { OpDef } from './types';
import { type LossAttrs, type LossCtx, lossPorts, lossShape, explainLoss, perElement, prepareLoss, reduceLoss32, reductionAttr, reductionArg } from './loss';
import { f32 } from '../tensor/float32';

/** `mse`: mean (or sum) of squared errors, like nn.MSELoss. */
export const mse: OpDef<LossAttrs, LossCtx> = {
  kind: 'op',
  name: 'mse',
  group: 'losses',
  formula: 'L = (1/n) Σ (x − t)²',
  inputs: lossPorts(true),
  attrs: [reductionAttr],
  gradFn: 'MseLossBackward0',
  shape: lossShape('mse'),
  prepare: prepareLoss,
  forward([x, t], y, { divisor }) {
    let s = 0;
    for (let i = 0; i < x.length; i++) {
      const d = x[i] - t[i];
      s += d * d;
    }
    y[0] = s / divisor;
  },
  // dL/dx = (2/n)(x − t) · g, dL/dt = −(2/n)(x − t) · g
  backward([x, t], _y, g, [gx, gt], { divisor }) {
    const norm = 2 / divisor;
    const g0 = g[0];
    if (gx && !gt) {
      // The usual case (the target is data): one branch-free loop.
      for (let i = 0; i < x.length; i++) gx[i] += norm * (x[i] - t[i]) * g0;
      return;
    }
    for (let i = 0; i < x.length; i++) {
      const v = norm * (x[i] - t[i]) * g0;
      if (gx) gx[i] += v;
      if (gt) gt[i] -= v;
    }
  },
  float32: {
    // The squared differences, then their sum in torch.sum's order (and / n for mean).
    forward([x, t], y, { divisor, terms }) {
      for (let i = 0; i < x.length; i++) {
        const d = f32(x[i] - t[i]);
        terms[i] = f32(d * d);
      }
      reduceLoss32(terms, y, divisor);
    },
    // (x − t) · (2/n rounded to float32) · g, each product rounded; the target's is its negative.
    backward([x, t], _y, g, [gx, gt], { divisor }) {
      const norm = f32(2 / divisor);
      for (let i = 0; i < x.length; i++) {
        const v = f32(f32(f32(x[i] - t[i]) * norm) * g[0]);
        if (gx) gx[i] = f32(gx[i] + v);
        if (gt) gt[i] = f32(gt[i] - v);
      }
    },
  },
  torchCall: { functions: ['torch.nn.functional.mse_loss'], args: [reductionArg] },
  torch: ([x, t], { reduction }, str) => `torch.nn.functional.mse_loss(${x}, ${t}, reduction=${str(reduction)})`,
  criterion: { module: 'nn.MSELoss' },
  explain: {
    forward: ({ input, target, n, reduction }) => explainLoss(`(${input} − ${target})²`, n, reduction),
    backward: {
      input: {
        derivative: '∂(Σ(ŷ − y)²/n)/∂ŷ = 2(ŷ − y)/n',
        gradIn: 'grad_in = 2·(ŷ − y)/n·grad_out',
        numbers: ({ input, target, n, reduction, g }) => `${perElement(reduction, n, `2·(${input} − ${target})`)}·${g}`,
      },
      target: {
        derivative: '∂(Σ(ŷ − y)²/n)/∂y = −2(ŷ − y)/n',
        gradIn: 'grad_in = −2·(ŷ − y)/n·grad_out',
        numbers: ({ input, target, n, reduction, g }) => `${perElement(reduction, n, `−2·(${input} − ${target})`)}·${g}`,
      },
    },
  },
  recipe: {
    inputs: { input: { type: 'operand' }, target: { type: 'like', of: 'input' } },
    attrs: { reduction: { type: 'oneOf', values: ['mean', 'sum'] } },
    defaults: 0.2,
  },
  domain: {},
};
