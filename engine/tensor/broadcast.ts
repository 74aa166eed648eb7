import { type Shape, sameShape, sizeOf, stridesOf } from './shape';

/**
 * For each element of `out`, the index of the element of `input` it reads under
 * broadcasting; null when the shapes are identical (read index i for element i).
 * Computed once at compile time so the kernels stay simple loops.
 */
export function broadcastIndex(input: Shape, out: Shape): Int32Array | null {
  if (sameShape(input, out)) return null;
  const n = sizeOf(out);
  const map = new Int32Array(n);
  if (sizeOf(input) === 1) return map;
  const rank = out.length;
  const inStrides = stridesOf(input);
  // Stride of each output axis in the input; 0 where the input is broadcast.
  const step = new Array<number>(rank).fill(0);
  for (let i = 0; i < rank; i++) {
    const j = input.length - rank + i;
    if (j >= 0 && input[j] !== 1) step[i] = inStrides[j];
  }
  const counter = new Array<number>(rank).fill(0);
  let idx = 0;
  for (let k = 0; k < n; k++) {
    map[k] = idx;
    for (let ax = rank - 1; ax >= 0; ax--) {
      counter[ax]++;
      idx += step[ax];
      if (counter[ax] < out[ax]) break;
      idx -= step[ax] * counter[ax];
      counter[ax] = 0;
    }
  }
  return map;
}
