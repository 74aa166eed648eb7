import { type Shape, sizeOf } from './shape';

/** A dense float64 tensor stored row-major. */
export interface Tensor {
  readonly shape: Shape;
  readonly data: Float64Array;
}

/** Makes a tensor from a shape and values (copied), checking the count. */
export function tensor(shape: Shape, values: ArrayLike<number>): Tensor {
  const n = sizeOf(shape);
  if (values.length !== n) {
    throw new Error(`a tensor of shape [${shape.join(', ')}] needs ${n} values, got ${values.length}`);
  }
  return { shape: [...shape], data: Float64Array.from(values) };
}

/** A scalar tensor. */
export function scalar(value: number): Tensor {
  return { shape: [], data: Float64Array.of(value) };
}

/** A tensor of zeros. */
export function zeros(shape: Shape): Tensor {
  return { shape: [...shape], data: new Float64Array(sizeOf(shape)) };
}

/** A copy that shares nothing with the original. */
export function cloneTensor(t: Tensor): Tensor {
  return { shape: [...t.shape], data: t.data.slice() };
}

/** Number of elements `torch.arange(start, end, step)` produces. */
export function arangeLength(start: number, end: number, step: number): number {
  if (step === 0 || !Number.isFinite(start) || !Number.isFinite(end) || !Number.isFinite(step)) return -1;
  if ((end - start) / step < 0) return -1;
  return Math.ceil((end - start) / step);
}

/** `torch.arange(start, end, step, dtype=float64)`: element i is start + i·step. */
export function arange(start: number, end: number, step: number): Tensor {
  const n = arangeLength(start, end, step);
  if (n < 0) throw new Error(`arange(${start}, ${end}, ${step}) is empty or infinite`);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return { shape: [n], data };
}

/** Nested arrays for display and JSON: a number for a scalar. */
export function toNested(t: Tensor): number | unknown[] {
  if (t.shape.length === 0) return t.data[0];
  const build = (axis: number, offset: number): unknown[] => {
    const len = t.shape[axis];
    const inner = sizeOf(t.shape.slice(axis + 1));
    const out: unknown[] = [];
    for (let i = 0; i < len; i++) {
      out.push(axis === t.shape.length - 1 ? t.data[offset + i] : build(axis + 1, offset + i * inner));
    }
    return out;
  };
  return build(0, 0);
}
