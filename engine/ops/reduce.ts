import { formatShape, normalizeAxis, type Shape, ShapeError } from '../tensor/shape';
import type { AttrSpec, CompileShapes, TorchArg } from './types';
import { f32 } from '../tensor/float32';
import { torchSum32 } from '../tensor/sum32';

/** Attributes of `sum`, `mean`, `max` and `argmax`: reduce everything, or one axis (optionally kept as length 1). */
export interface ReduceAttrs {
  [key: string]: number | boolean | null;
  axis: number | null;
  keepdim: boolean;
}

/** Attribute specs shared by the reductions. */
export const reduceAttrs: readonly AttrSpec[] = [
  { name: 'axis', type: 'integer', default: null },
  { name: 'keepdim', type: 'boolean', default: false },
];

/** The input seen as [outer, len, inner] around the reduced axis. */
export interface ReduceCtx {
  readonly outer: number;
  readonly len: number;
  readonly inner: number;
}

/** Shape rule of the reductions. */
export function reduceShape([x]: readonly Shape[], { axis, keepdim }: ReduceAttrs): Shape {
  if (axis === null) return keepdim ? x.map(() => 1) : [];
  if (x.length === 0) {
    normalizeAxis(axis, 0);
    return [];
  }
  const a = normalizeAxis(axis, x.length);
  return keepdim ? x.map((d, i) => (i === a ? 1 : d)) : x.filter((_, i) => i !== a);
}

/** Splits the input shape around the reduced axis (all of it when axis is null). */
export function prepareReduce({ inputs: [x] }: CompileShapes, { axis }: ReduceAttrs): ReduceCtx {
  const total = x.reduce((p, d) => p * d, 1);
  if (axis === null || x.length === 0) return { outer: 1, len: total, inner: 1 };
  const a = normalizeAxis(axis, x.length);
  const outer = x.slice(0, a).reduce((p, d) => p * d, 1);
  const inner = x.slice(a + 1).reduce((p, d) => p * d, 1);
  return { outer, len: x[a], inner };
}

/** Writes y[o, k] = scale · Σⱼ x[o, j, k]. */
export function reduceForward(x: Float64Array, y: Float64Array, { outer, len, inner }: ReduceCtx, scale: number): void {
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      let s = 0;
      for (let j = 0, idx = o * len * inner + k; j < len; j++, idx += inner) s += x[idx];
      y[o * inner + k] = scale === 1 ? s : s / scale;
    }
  }
}

/** Adds g[o, k] / scale to every x[o, j, k] it came from. */
export function reduceBackward(g: Float64Array, gx: Float64Array, { outer, len, inner }: ReduceCtx, scale: number): void {
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const v = scale === 1 ? g[o * inner + k] : g[o * inner + k] / scale;
      for (let j = 0, idx = o * len * inner + k; j < len; j++, idx += inner) gx[idx] += v;
    }
  }
}

/** Float32 y[o, k] = Σⱼ x[o, j, k] in PyTorch's order (torchSum32), divided by `scale` when it is not 1 (mean). */
export function reduceForward32(x: Float64Array, y: Float64Array, { outer, len, inner }: ReduceCtx, scale: number): void {
  torchSum32(x, 0, [outer, len, inner], [false, true, false], y);
  if (scale !== 1) for (let i = 0; i < y.length; i++) y[i] = f32(y[i] / scale);
}

/** Float32 backward of sum and mean: g (divided by `scale` for mean) added to every element it came from, each sum rounded. */
export function reduceBackward32(g: Float64Array, gx: Float64Array, { outer, len, inner }: ReduceCtx, scale: number): void {
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const v = scale === 1 ? g[o * inner + k] : f32(g[o * inner + k] / scale);
      for (let j = 0, idx = o * len * inner + k; j < len; j++, idx += inner) gx[idx] = f32(gx[idx] + v);
    }
  }
}

/** A reduction's arguments after the tensor: `dim` (an axis, or every axis as a tuple) and `keepdim`. */
export const reduceArgs: readonly TorchArg[] = [
  { keyword: 'dim', attr: 'axis', allAxes: true },
  { keyword: 'keepdim', attr: 'keepdim' },
];

/** The PyTorch call of a reduction, e.g. `torch.sum(x, dim=1, keepdim=True)`. */
export function reduceTorch(fn: string, x: string, { axis, keepdim }: ReduceAttrs): string {
  if (axis === null) return keepdim ? `torch.${fn}(${x}, dim=tuple(range(${x}.dim())), keepdim=True)` : `torch.${fn}(${x})`;
  return `torch.${fn}(${x}, dim=${axis}${keepdim ? ', keepdim=True' : ''})`;
}

/**
 * The position along the axis of the first largest element of the slice starting at `base`
 * (a NaN counts as the largest, and the first NaN wins), as torch.max(x, dim) and
 * torch.argmax pick it on the CPU.
 */
export function firstMaxIndex(x: ArrayLike<number>, base: number, len: number, inner: number): number {
  let best = 0;
  let m = x[base];
  for (let j = 1; j < len && !Number.isNaN(m); j++) {
    const v = x[base + j * inner];
    if (v > m || Number.isNaN(v)) {
      m = v;
      best = j;
    }
  }
  return best;
}

/** A ShapeError when the reduction would take the largest element of nothing (torch.max and torch.argmax refuse it). */
export function checkNonEmptyReduction(name: string, [x]: readonly Shape[], { axis }: ReduceAttrs): void {
  const empty = axis === null || x.length === 0 ? x.some((d) => d === 0) : x[normalizeAxis(axis, x.length)] === 0;
  if (empty) throw axis === null ? new ShapeError('empty_reduction', { op: name, x: formatShape(x) }) : new ShapeError('empty_reduction_axis', { op: name, x: formatShape(x), axis });
}
