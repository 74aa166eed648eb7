import type { OpDef } from './types';
import { noContext, unaryPorts } from './unary';
import { formatShape, ShapeError, sizeOf } from '../tensor/shape';

/** `max`: the largest element (full reduction); NaN if any element is NaN, as torch.max(). */
export const max: OpDef<Record<string, never>, undefined> = {
  kind: 'op',
  name: 'max',
  group: 'reductions',
  formula: 'y = max x',
  inputs: unaryPorts,
  attrs: [],
  gradFn: 'MaxBackward1',
  shape([x]) {
    if (sizeOf(x) === 0) throw new ShapeError(`max of an empty tensor ${formatShape(x)} has no value`);
    return [];
  },
  prepare: noContext,
  forward([x], y) {
    let m = -Infinity;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (v > m || Number.isNaN(v)) m = v;
      if (Number.isNaN(m)) break;
    }
    y[0] = m;
  },
  // d(max x)/dxᵢ = g / (number of maxima) at each maximum, 0 elsewhere: ties share evenly
  backward([x], y, g, [gx]) {
    if (!gx) return;
    const m = y[0];
    const nan = Number.isNaN(m);
    let count = 0;
    for (let i = 0; i < x.length; i++) if (nan ? Number.isNaN(x[i]) : x[i] === m) count++;
    const share = g[0] / count;
    for (let i = 0; i < x.length; i++) if (nan ? Number.isNaN(x[i]) : x[i] === m) gx[i] += share;
  },
  torch: ([x]) => `torch.max(${x})`,
  explain: {
    forward: ({ x, n }) => (n === '1' ? `max(${x})` : `max(${x}, …)`),
    backward: {
      x: {
        derivative: '∂max(x)/∂xᵢ = [xᵢ = max x] / #{j : xⱼ = max x}',
        gradIn: 'grad_in = [x = y]·grad_out / #{x = y}',
        numbers: ({ x, y, g }) => `[${x} = ${y}]·(${g}) / #{x = y}`,
      },
    },
  },
  recipe: { inputs: { x: { type: 'operand' } } },
  // Near-ties would make the engine and PyTorch pick different maxima within rounding.
  domain: { x: { clearMaximum: true } },
};
