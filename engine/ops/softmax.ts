import type { OpDef } from './types';
import { unaryPorts } from './unary';
import { normalizeAxis, ShapeError } from '../tensor/shape';
import { type ReduceCtx, prepareReduce } from './reduce';

/** `softmax`: y = eˣ / Σ eˣ along `axis` (default the last). */
export const softmax: OpDef<{ axis: number }, ReduceCtx> = {
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
  prepare: (shapes, { axis }) => prepareReduce(shapes, { axis, keepdim: false }),
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
  torch: ([x], { axis }) => `torch.softmax(${x}, dim=${axis})`,
  explain: {
    forward: ({ x }) => `e^(${x}) / Σ e^(…)`,
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
