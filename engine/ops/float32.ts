import { f32, fma32 } from '../tensor/float32';
import { type Shape, sameShape } from '../tensor/shape';
import { torchSum32 } from '../tensor/sum32';

/**
 * Helpers the ops' float32 kernels share: gradient accumulation that rounds like PyTorch's,
 * and the sum a gradient goes through on its way back to a broadcast operand (sum_to).
 */

/** Which axes of `out` PyTorch's sum_to sums to reach `input`: the leading extra axes, and those where the input has length 1. */
export function sumToAxes(input: Shape, out: Shape): boolean[] {
  const lead = out.length - input.length;
  return out.map((d, i) => i < lead || (input[i - lead] === 1 && d !== 1));
}

/**
 * Adds a gradient laid out at the output's shape (`full`) into an operand's gradient `gx`,
 * first summed down to the operand's shape in PyTorch's order (`reduced` is scratch of the
 * operand's size); each element of `gx` then rounds once, as the gradient buffer's sum does.
 */
export function addSummedTo(full: Float64Array, out: Shape, input: Shape, reduced: Float64Array, gx: Float64Array): void {
  if (sameShape(input, out)) {
    for (let i = 0; i < gx.length; i++) gx[i] = f32(gx[i] + full[i]);
    return;
  }
  const r = reduced.subarray(0, gx.length);
  torchSum32(full, 0, out, sumToAxes(input, out), r);
  for (let i = 0; i < gx.length; i++) gx[i] = f32(gx[i] + r[i]);
}

/** The eight lanes of an AVX2 register summed as ATen's vec_reduce_all does: halves, then pairs, then neighbours. */
function treeSum(l: readonly number[]): number {
  return f32(f32(f32(l[0] + l[4]) + f32(l[2] + l[6])) + f32(f32(l[1] + l[5]) + f32(l[3] + l[7])));
}

/**
 * Σ get(i) over n terms in the order of ATen's vec::reduce_all (softmax's and log_softmax's
 * sums): eight lanes added chunk by chunk (the last partial chunk into its first lanes), then
 * the lanes by a shuffle tree; under eight terms, the terms in order.
 */
export function laneSum(get: (i: number) => number, n: number): number {
  if (n < 8) {
    let s = n > 0 ? get(0) : 0;
    for (let i = 1; i < n; i++) s = f32(s + get(i));
    return s;
  }
  const lanes = [0, 1, 2, 3, 4, 5, 6, 7].map(get);
  for (let d = 8; d < n; d += 8) {
    for (let l = 0; l < 8 && d + l < n; l++) lanes[l] = f32(lanes[l] + get(d + l));
  }
  return treeSum(lanes);
}

/**
 * Σ a(i)·b(i) in the order of vec::map2_reduce_all (softmax's backward): as laneSum, with
 * each chunk's products fused into the lanes' sums (one rounding each) after the first chunk.
 */
export function laneDot(a: (i: number) => number, b: (i: number) => number, n: number): number {
  if (n < 8) return laneSum((i) => f32(a(i) * b(i)), n);
  const lanes = [0, 1, 2, 3, 4, 5, 6, 7].map((l) => f32(a(l) * b(l)));
  for (let d = 8; d < n; d += 8) {
    for (let l = 0; l < 8 && d + l < n; l++) lanes[l] = fma32(a(d + l), b(d + l), lanes[l]);
  }
  return treeSum(lanes);
}
