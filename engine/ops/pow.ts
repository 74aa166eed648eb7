import type { OpDef } from './types';
import { sameAsInput, unaryPorts } from './unary';
import { pyNumber } from './binary';

/** x^p with the exact special cases PyTorch's CPU kernel uses. */
export function powScalar(x: number, p: number): number {
  if (p === 2) return x * x;
  if (p === 3) return x * x * x;
  if (p === 0.5) return Math.sqrt(x);
  if (p === -0.5) return 1 / Math.sqrt(x);
  if (p === -1) return 1 / x;
  if (p === -2) return 1 / (x * x);
  return Math.pow(x, p);
}

/** `pow`: y = xᵖ for a constant p. */
export const pow: OpDef<{ p: number }, { p: number }> = {
  kind: 'op',
  name: 'pow',
  group: 'arithmetic',
  formula: 'y = xᵖ',
  inputs: unaryPorts,
  attrs: [{ name: 'p', type: 'number', default: 2 }],
  gradFn: 'PowBackward0',
  shape: sameAsInput,
  prepare: (_shapes, attrs) => ({ p: attrs.p }),
  forward([x], y, { p }) {
    for (let i = 0; i < y.length; i++) y[i] = powScalar(x[i], p);
  },
  // d(xᵖ)/dx = p·xᵖ⁻¹ · g, and exactly 0 when p = 0
  backward([x], _y, g, [gx], { p }) {
    if (!gx || p === 0) return;
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * (p * powScalar(x[i], p - 1));
  },
  torch: ([x], { p }) => `torch.pow(${x}, ${pyNumber(p)})`,
  explain: {
    forward: ({ x, p }) => `(${x})^${p}`,
    backward: {
      x: { derivative: '∂(xᵖ)/∂x = p·xᵖ⁻¹', gradIn: 'grad_in = p·xᵖ⁻¹·grad_out', numbers: ({ x, p, g }) => `${p}·(${x})^(${p} − 1)·(${g})` },
    },
  },
  recipe: {
    attrs: { p: { type: 'choice', values: [2, 3, 4, 0, 1, -1, -2, 0.5, -0.5, 1.5, 2.5, -1.5, 0.25] } },
    inputs: ({ p }) => {
      if (!Number.isInteger(p)) return { x: { type: 'positive' } };
      return { x: p < 0 ? { type: 'operand', awayFromZero: 0.3 } : { type: 'operand', within: 10 } };
    },
  },
  // Fractional powers need positive bases; negative ones stay off the pole at 0.
  domain: ({ p }) => {
    if (!Number.isInteger(p)) return { x: { min: 0.05 } };
    return { x: p < 0 ? { awayFromZero: 0.1 } : {} };
  },
};
