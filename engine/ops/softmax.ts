import type { OpDef } from './types';
import { frac } from './mathText';
import { unaryPorts } from './unary';
import { normalizeAxis, ShapeError } from '../tensor/shape';
import { type ReduceCtx, prepareReduce } from './reduce';
import { f32, fma32, libmExpf, sleefExpf } from '../tensor/float32';
import { laneDot, laneSum } from './float32';

/** Σⱼ g·y along a strided axis, in order from 0, each step one fused multiply-add. */
function sequentialDot(g: Float64Array, y: Float64Array, base: number, stride: number, len: number): number {
  let s = 0;
  for (let j = 0, i = base; j < len; j++, i += stride) s = fma32(g[i], y[i], s);
  return s;
}

/** The softmax's layout, and whether its axis is the last (PyTorch has a kernel for each case). */
interface SoftmaxCtx extends ReduceCtx {
  readonly last: boolean;
}

/** `softmax`: y = eˣ / Σ eˣ along `axis` (default the last). */
export const softmax: OpDef<{ axis: number }, SoftmaxCtx> = {
  kind: 'op',
  name: 'softmax',
  group: 'activations',
  formula: 'y = eˣ / Σ eˣ',
  inputs: unaryPorts,
  attrs: [{ name: 'axis', type: 'integer', default: -1 }],
  gradFn: 'SoftmaxBackward0',
  shape([x], { axis }) {
    if (x.length === 0) throw new ShapeError('softmax_scalar');
    normalizeAxis(axis, x.length);
    return x;
  },
  prepare: (shapes, { axis }) => ({
    ...prepareReduce(shapes, { axis, keepdim: false }),
    last: normalizeAxis(axis, shapes.inputs[0].length) === shapes.inputs[0].length - 1,
  }),
  forward([x], y, { outer, len, inner }) {
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < inner; k++) {
        const base = o * len * inner + k;
        let m = -Infinity;
        for (let j = 0; j < len; j++) m = Math.max(m, x[base + j * inner]);
        let s = 0;
        for (let j = 0; j < len; j++) {
          const e = Math.exp(x[base + j * inner] - m);
          y[base + j * inner] = e;
          s += e;
        }
        for (let j = 0; j < len; j++) y[base + j * inner] /= s;
      }
    }
  },
  // dxᵢ = yᵢ · (gᵢ − Σⱼ gⱼ yⱼ) along the axis
  backward(_x, y, g, [gx], { outer, len, inner }) {
    if (!gx) return;
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < inner; k++) {
        const base = o * len * inner + k;
        let dot = 0;
        for (let j = 0; j < len; j++) dot += g[base + j * inner] * y[base + j * inner];
        for (let j = 0; j < len; j++) gx[base + j * inner] += y[base + j * inner] * (g[base + j * inner] - dot);
      }
    }
  },
  float32: {
    // Along the last axis e = exp(x − max) (SLEEF's), y = e · (1 / Σe) with vec::reduce_all's sum.
    // Along another axis y = e / Σe with the sum in order, SLEEF's exp on whole blocks of 8
    // positions of the inner axes and the C library's after them.
    forward([x], y, { outer, len, inner, last }) {
      const vectorized = inner - (inner % 8);
      for (let o = 0; o < outer; o++) {
        for (let k = 0; k < inner; k++) {
          const base = o * len * inner + k;
          let m = -Infinity;
          for (let j = 0; j < len; j++) m = Math.max(m, x[base + j * inner]);
          const exp = last || k < vectorized ? sleefExpf : libmExpf;
          for (let j = 0; j < len; j++) y[base + j * inner] = exp(f32(x[base + j * inner] - m));
          if (last) {
            const inv = f32(1 / laneSum((j) => y[base + j], len));
            for (let j = 0; j < len; j++) y[base + j] = f32(y[base + j] * inv);
          } else {
            let s = 0;
            for (let j = 0; j < len; j++) s = f32(s + y[base + j * inner]);
            for (let j = 0; j < len; j++) y[base + j * inner] = f32(y[base + j * inner] / s);
          }
        }
      }
    },
    // dx = (g − Σ g·y) · y
    backward(_x, y, g, [gx], { outer, len, inner, last }) {
      if (!gx) return;
      for (let o = 0; o < outer; o++) {
        for (let k = 0; k < inner; k++) {
          const base = o * len * inner + k;
          const at = (j: number) => base + j * inner;
          const dot = last ? laneDot((j) => g[at(j)], (j) => y[at(j)], len) : sequentialDot(g, y, base, inner, len);
          for (let j = 0; j < len; j++) gx[at(j)] = f32(gx[at(j)] + f32(f32(g[at(j)] - dot) * y[at(j)]));
        }
      }
    },
    inexact: {
      ulps: 1,
      why: 'along an axis other than the last, the C library\'s expf after the vectorised blocks is taken as correctly rounded',
    },
  },
  torchCall: { functions: ['torch.softmax', 'torch.nn.functional.softmax'], methods: ['softmax'], args: [{ keyword: 'dim', attr: 'axis', required: true }] },
  torch: ([x], { axis }) => `torch.softmax(${x}, dim=${axis})`,
  explain: {
    forward: ({ x }) => frac(`e^${x}`, 'Σ e^(…)'),
    backward: {
      x: { derivative: '∂yᵢ/∂xⱼ = yᵢ([i = j] − yⱼ)', gradIn: 'grad_in = y·(grad_out − Σ grad_out·y)', numbers: ({ y, g }) => `(${y})·((${g}) − Σ grad_out·y)` },
    },
  },
  recipe: {
    inputs: { x: { type: 'operand', within: 20, minRank: 1 } },
    attrs: { axis: { type: 'axis', of: 'x' } },
    defaults: 0.2,
  },
  domain: { x: { within: 30 } },
};
