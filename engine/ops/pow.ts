import type { OpDef } from './types';
import { sameAsInput, unaryPorts } from './unary';
import { pyNumber } from './binary';
import { f32, sleefPowf, vectorizedCount } from '../tensor/float32';

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

/**
 * x^p in float32 as torch.pow dispatches it: 1, a copy, √, 1/√, 1/x, x·x, x·x·x and 1/(x·x)
 * for their exponents, each step rounded; otherwise a power (SLEEF's powf on float32 p in the
 * vectorised blocks of 16, the C library's pow on the double p, rounded, after them).
 */
export function powScalar32(x: number, p: number, i: number, n: number): number {
  if (p === 0) return 1;
  if (p === 1) return x;
  if (p === 0.5) return f32(Math.sqrt(x));
  if (p === -0.5) return f32(1 / f32(Math.sqrt(x)));
  if (p === -1) return f32(1 / x);
  if (p === 2) return f32(x * x);
  if (p === 3) return f32(f32(x * x) * x);
  if (p === -2) return f32(1 / f32(x * x));
  return i < vectorizedCount(n) ? sleefPowf(x, f32(p)) : f32(Math.pow(x, p));
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
  float32: {
    forward([x], y, { p }) {
      for (let i = 0; i < y.length; i++) y[i] = powScalar32(x[i], p, i, y.length);
    },
    // grad · (p · x^(p−1)), p rounded to float32 for the product, and nothing when p = 0
    backward([x], _y, g, [gx], { p }) {
      if (!gx || p === 0) return;
      const pf = f32(p);
      for (let i = 0; i < g.length; i++) gx[i] = f32(gx[i] + f32(g[i] * f32(pf * powScalar32(x[i], p - 1, i, g.length))));
    },
    inexact: {
      ulps: 1,
      why: 'past the last whole block of 16 elements PyTorch rounds the C library\'s double pow; JavaScript\'s Math.pow may differ from it in the last double bit, which can change the float32 result in rare cases',
    },
  },
  torchCall: { functions: ['torch.pow'], methods: ['pow'], args: [{ keyword: 'exponent', attr: 'p', required: true }] },
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
