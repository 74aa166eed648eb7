import { describe, expect, it } from 'vitest';
import { seededRandom } from '../tensor/random';
import { linearBiasGrad, linearInputGradRows, linearRows, linearWeightGrad } from './linearKernels';

/** Seeded values of magnitudes 2⁻⁸ to 2⁸ using all 53 bits (so the order of a sum shows), with some exact zeros of both signs. */
function values(n: number, seed: number): Float64Array {
  const r = seededRandom(seed);
  return Float64Array.from({ length: n }, (_, i) => (i % 11 === 3 ? 0 : i % 13 === 5 ? -0 : ((4 * r() - 2) / 3) * 2 ** Math.floor(16 * r() - 8)));
}

/** The sums written out one at a time, in the order linearKernels.ts promises. */
const reference = {
  /** y[r, o] = ((s0 + s1) + (s2 + s3)) + b[o], s_j the sum of every fourth product from j (the tail into s0); y = x·w + b when both widths are 1. */
  forward(x: Float64Array, w: Float64Array, b: Float64Array, rows: number, nIn: number, nOut: number): Float64Array {
    const y = new Float64Array(rows * nOut);
    for (let r = 0; r < rows; r++) {
      for (let o = 0; o < nOut; o++) {
        if (nIn === 1 && nOut === 1) {
          y[r] = x[r] * w[0] + b[0];
          continue;
        }
        const s = [0, 0, 0, 0];
        const n4 = nIn - (nIn % 4);
        for (let i = 0; i < n4; i++) s[i % 4] += x[r * nIn + i] * w[o * nIn + i];
        for (let i = n4; i < nIn; i++) s[0] += x[r * nIn + i] * w[o * nIn + i];
        y[r * nOut + o] = s[0] + s[1] + (s[2] + s[3]) + b[o];
      }
    }
    return y;
  },
  /** gb[o] + (0 + g[0, o] + g[1, o] + …). */
  bias(g: Float64Array, gb: Float64Array, rows: number, nOut: number): Float64Array {
    const out = gb.slice();
    for (let o = 0; o < nOut; o++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += g[r * nOut + o];
      out[o] += s;
    }
    return out;
  },
  /** gw[o, i] + g[0, o]·x[0, i] + g[1, o]·x[1, i] + … (one output and input: from 0, then added). */
  weight(g: Float64Array, x: Float64Array, gw: Float64Array, rows: number, nIn: number, nOut: number): Float64Array {
    const out = gw.slice();
    for (let o = 0; o < nOut; o++) {
      for (let i = 0; i < nIn; i++) {
        if (nIn === 1 && nOut === 1) {
          let s = 0;
          for (let r = 0; r < rows; r++) s += g[r] * x[r];
          out[0] += s;
          continue;
        }
        let a = out[o * nIn + i];
        for (let r = 0; r < rows; r++) a += g[r * nOut + o] * x[r * nIn + i];
        out[o * nIn + i] = a;
      }
    }
    return out;
  },
  /** gx[r, i] + g[r, 0]·w[0, i] + g[r, 1]·w[1, i] + …, for rows from..to. */
  input(g: Float64Array, w: Float64Array, gx: Float64Array, from: number, to: number, nIn: number, nOut: number): Float64Array {
    const out = gx.slice();
    for (let r = from; r < to; r++) {
      for (let i = 0; i < nIn; i++) {
        let a = out[r * nIn + i];
        for (let o = 0; o < nOut; o++) a += g[r * nOut + o] * w[o * nIn + i];
        out[r * nIn + i] = a;
      }
    }
    return out;
  },
};

/** Index of the first element where two buffers differ (Object.is: −0 is not +0), or −1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return a.length === b.length ? -1 : a.length;
}

describe("linear's float64 loops add every sum in its stated order", () => {
  // Widths below, at and past four (the tiles' edges), odd and even output counts, one row and odd rows.
  const shapes = [1, 2, 5].flatMap((rows) => [1, 2, 3, 4, 5, 13, 16].flatMap((nIn) => [1, 2, 3, 5, 16].map((nOut) => ({ rows, nIn, nOut }))));

  it.each(shapes)('$rows rows, $nIn → $nOut: forward, bias, weight and input gradients equal the sums written one at a time', ({ rows, nIn, nOut }) => {
    const seed = rows * 1000 + nIn * 20 + nOut;
    const x = values(rows * nIn, seed);
    const w = values(nOut * nIn, seed + 1);
    const b = values(nOut, seed + 2);
    const g = values(rows * nOut, seed + 3);
    const y = new Float64Array(rows * nOut);
    linearRows(x, w, b, y, 0, rows, nIn, nOut);
    expect(firstDifference(y, reference.forward(x, w, b, rows, nIn, nOut))).toBe(-1);
    // The gradients start from values already there (gradients accumulate until zeroGrad).
    const gb = values(nOut, seed + 4);
    const gbWant = reference.bias(g, gb, rows, nOut);
    linearBiasGrad(g, gb, rows, nOut);
    expect(firstDifference(gb, gbWant)).toBe(-1);
    const gw = values(nOut * nIn, seed + 5);
    const gwWant = reference.weight(g, x, gw, rows, nIn, nOut);
    linearWeightGrad(g, x, gw, rows, nIn, nOut);
    expect(firstDifference(gw, gwWant)).toBe(-1);
    const gx = values(rows * nIn, seed + 6);
    const gxWant = reference.input(g, w, gx, 0, rows, nIn, nOut);
    linearInputGradRows(g, w, gx, 0, rows, nIn, nOut);
    expect(firstDifference(gx, gxWant)).toBe(-1);
  });

  it('a range of rows writes those rows only, the same numbers as the whole batch', () => {
    const [rows, nIn, nOut] = [9, 6, 5];
    const x = values(rows * nIn, 1);
    const w = values(nOut * nIn, 2);
    const b = values(nOut, 3);
    const g = values(rows * nOut, 4);
    const whole = new Float64Array(rows * nOut);
    linearRows(x, w, b, whole, 0, rows, nIn, nOut);
    const parts = new Float64Array(rows * nOut).fill(7);
    linearRows(x, w, b, parts, 3, 8, nIn, nOut);
    expect(Array.from(parts.subarray(0, 3 * nOut))).toEqual(new Array(3 * nOut).fill(7));
    expect(firstDifference(parts.subarray(3 * nOut, 8 * nOut), whole.subarray(3 * nOut, 8 * nOut))).toBe(-1);
    expect(Array.from(parts.subarray(8 * nOut))).toEqual(new Array(nOut).fill(7));
    const gx = values(rows * nIn, 5);
    const want = reference.input(g, w, gx, 2, 7, nIn, nOut);
    linearInputGradRows(g, w, gx, 2, 7, nIn, nOut);
    expect(firstDifference(gx, want)).toBe(-1);
  });
});
