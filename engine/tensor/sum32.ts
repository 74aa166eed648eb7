import { f32 } from './float32';

/**
 * Float32 sums in the order PyTorch 1.13's CPU sum kernel adds (aten/src/ATen/native/cpu/
 * SumKernel.cpp with AVX2, one thread): TensorIterator puts the reduced axes innermost and
 * merges contiguous ones; each 2-D block is summed by `cascade_sum`, whose `multi_row_sum`
 * keeps four cascade levels of partial sums, `row_sum` four interleaved partial sums, and the
 * vectorised paths eight lanes. Every addition rounds to float32.
 */

/** ⌈log₂ n⌉ as c10's CeilLog2 (1 for n ≤ 2). */
function ceilLog2(n: number): number {
  return n <= 2 ? 1 : Math.ceil(Math.log2(n));
}

/**
 * One lane of multi_row_sum over the n elements x[base + i·stride]: a cascade of four levels,
 * folding every 2^p additions (p ≥ 4).
 */
function levelSum(x: ArrayLike<number>, base: number, stride: number, n: number): number {
  const power = Math.max(4, Math.floor(ceilLog2(n) / 4));
  const step = 2 ** power;
  const mask = step - 1;
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let i = 0;
  while (i + step <= n) {
    for (let j = 0; j < step; j++, i++) a0 = f32(a0 + x[base + i * stride]);
    a1 = f32(a1 + a0);
    a0 = 0;
    if ((i & (mask << power)) !== 0) continue;
    a2 = f32(a2 + a1);
    a1 = 0;
    if ((i & (mask << (2 * power))) !== 0) continue;
    a3 = f32(a3 + a2);
    a2 = 0;
  }
  for (; i < n; i++) a0 = f32(a0 + x[base + i * stride]);
  return f32(f32(f32(a0 + a1) + a2) + a3);
}

/** row_sum over x[base + i·stride], i < n: four interleaved cascades over groups of four, the leftover into the first, then the four added. */
function rowSum(x: ArrayLike<number>, base: number, stride: number, n: number): number {
  const groups = Math.floor(n / 4);
  let p0 = levelSum(x, base, 4 * stride, groups);
  const p1 = levelSum(x, base + stride, 4 * stride, groups);
  const p2 = levelSum(x, base + 2 * stride, 4 * stride, groups);
  const p3 = levelSum(x, base + 3 * stride, 4 * stride, groups);
  for (let i = groups * 4; i < n; i++) p0 = f32(p0 + x[base + i * stride]);
  return f32(f32(f32(p0 + p1) + p2) + p3);
}

/** vectorized_inner_sum of one contiguous row x[base…base + n) with n ≥ 8: eight lanes each summed by rowSum, the tail first, then the lanes in order. */
function vectorRowSum(x: ArrayLike<number>, base: number, n: number): number {
  const vectors = Math.floor(n / 8);
  let acc = 0;
  for (let k = vectors * 8; k < n; k++) acc = f32(acc + x[base + k]);
  for (let lane = 0; lane < 8; lane++) acc = f32(acc + rowSum(x, base + lane, 8, vectors));
  return acc;
}

/** One axis of TensorIterator's view: its length and the strides of the input and the output. */
interface Axis {
  size: number;
  inStride: number;
  outStride: number;
}

/**
 * One 2-D block of cascade_sum: `size0` along axis 0 and `size1` along axis 1, input from
 * `inBase`, output from `outBase`, each output accumulating (`out += sum`).
 */
function block(x: ArrayLike<number>, inBase: number, out: Float64Array, outBase: number, a0: Axis, a1: Axis): void {
  let [d0, d1] = [a0, a1];
  // The reduced axis goes first.
  if (d0.outStride !== 0 && d1.outStride === 0) [d0, d1] = [d1, d0];
  const add = (j: number, v: number) => {
    const o = outBase + j * d1.outStride;
    out[o] = f32(out[o] + v);
  };
  if (d0.outStride !== 0) {
    // Nothing reduced in this block: an elementwise add.
    for (let j = 0; j < d1.size; j++) {
      for (let i = 0; i < d0.size; i++) {
        const o = outBase + i * d0.outStride + j * d1.outStride;
        out[o] = f32(out[o] + x[inBase + i * d0.inStride + j * d1.inStride]);
      }
    }
    return;
  }
  const col = (j: number) => inBase + j * d1.inStride;
  const [n, stride] = [d0.size, d0.inStride];
  if (stride === 1 && n >= 8) {
    for (let j = 0; j < d1.size; j++) add(j, vectorRowSum(x, col(j), n));
  } else if (d1.inStride === 1 && d1.size >= 8) {
    // vectorized_outer_sum: 32 columns at a time by cascades, then 8 at a time and the rest by row sums.
    const cascaded = d1.size - (d1.size % 32);
    for (let j = 0; j < d1.size; j++) add(j, j < cascaded ? levelSum(x, col(j), stride, n) : rowSum(x, col(j), stride, n));
  } else if (stride < d1.inStride) {
    for (let j = 0; j < d1.size; j++) add(j, rowSum(x, col(j), stride, n));
  } else {
    // scalar_outer_sum: four columns at a time by cascades, the rest by row sums.
    const cascaded = d1.size - (d1.size % 4);
    for (let j = 0; j < d1.size; j++) add(j, j < cascaded ? levelSum(x, col(j), stride, n) : rowSum(x, col(j), stride, n));
  }
}

/**
 * Sums a contiguous row-major tensor of `shape` (read from `x` at `offset`) over the axes
 * marked in `reduced`, writing the contiguous result (those axes removed) into `out`,
 * exactly as torch.sum(x, dims) does in float32 on the CPU.
 */
export function torchSum32(x: ArrayLike<number>, offset: number, shape: readonly number[], reduced: readonly boolean[], out: Float64Array): void {
  out.fill(0);
  // Row-major strides of the input, and of the output over the kept axes.
  const rank = shape.length;
  const inStrides = new Array<number>(rank);
  const outStrides = new Array<number>(rank);
  for (let d = rank - 1, s = 1, t = 1; d >= 0; d--) {
    inStrides[d] = s;
    s *= shape[d];
    outStrides[d] = reduced[d] ? 0 : t;
    if (!reduced[d]) t *= shape[d];
  }
  // TensorIterator's order, innermost first: the reduced axes, then the kept ones; length-1 axes vanish.
  const axes: Axis[] = [];
  for (const keep of [false, true]) {
    for (let d = rank - 1; d >= 0; d--) {
      if (shape[d] > 1 && !reduced[d] === keep) axes.push({ size: shape[d], inStride: inStrides[d], outStride: outStrides[d] });
    }
  }
  // Neighbours that step through memory as one axis are merged.
  const merged: Axis[] = [];
  for (const a of axes) {
    const prev = merged.at(-1);
    if (prev && prev.size * prev.inStride === a.inStride && prev.size * prev.outStride === a.outStride) prev.size *= a.size;
    else merged.push({ ...a });
  }
  const unit: Axis = { size: 1, inStride: 0, outStride: 0 };
  const [a0 = unit, a1 = unit, ...outer] = merged;
  // The outer axes are walked with the first of them fastest, one 2-D block each.
  const counter = outer.map(() => 0);
  for (;;) {
    let inBase = offset;
    let outBase = 0;
    outer.forEach((a, k) => {
      inBase += counter[k] * a.inStride;
      outBase += counter[k] * a.outStride;
    });
    block(x, inBase, out, outBase, a0, a1);
    let k = 0;
    while (k < outer.length && ++counter[k] === outer[k].size) counter[k++] = 0;
    if (k === outer.length) break;
  }
}
