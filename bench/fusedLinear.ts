import type { FusedRun } from './fused';
import type { MlpWorkload } from './workloads';

/**
 * W1's step: linear(1,1) + MSE + SGD in one pass over the rows, weight and bias in locals.
 * Per row: p = x·w + b, d = p − t, loss += d², v = (2/N)·d, ∂b += v, ∂w += v·x. Everything
 * arrives as an argument (closure variables would be reloaded from the context in the loop).
 */
function scalarLinearStep(x: Float64Array, y: Float64Array, rows: number, weight: Float64Array, bias: Float64Array, lr: number): number {
  const norm = 2 / rows;
  const w0 = weight[0];
  const b0 = bias[0];
  let s = 0;
  let gw = 0;
  let gb = 0;
  for (let r = 0; r < rows; r++) {
    const xr = x[r];
    const d = xr * w0 + b0 - y[r];
    s += d * d;
    const v = norm * d;
    gb += v;
    gw += v * xr;
  }
  weight[0] = w0 + -lr * gw;
  bias[0] = b0 + -lr * gb;
  return s / rows;
}

/** W1: the fused loop for linear(1,1) regression. */
export function fusedScalarLinear(w: MlpWorkload): FusedRun {
  const { x, y, rows, lr } = w;
  const weight = w.layers[0].weight.slice();
  const bias = w.layers[0].bias.slice();
  return { step: () => scalarLinearStep(x, y, rows, weight, bias, lr), params: [weight, bias], inputGrad: () => 0 };
}

/**
 * W2's step: linear(n,1) + MSE + SGD. Pass 1 takes two rows at a time, each row's dot product
 * in four partial sums exactly as the engine's `linear` forms it, and keeps v = (2/N)(p − t)
 * per row; pass 2 sums ∂W = Σ_r v_r x_r four columns at a time in registers, rows in order,
 * and updates. Of the exact variants tried this was the fastest, and V8 compiles it the same
 * way every run (a single pass with ∂W in memory ran at 1.5×, or 1–2.4× depending on the run).
 */
function linearStep(x: Float64Array, y: Float64Array, rows: number, n: number, weight: Float64Array, bias: Float64Array, v: Float64Array, lr: number): number {
  const norm = 2 / rows;
  const b0 = bias[0];
  const n4 = n - (n & 3);
  let s = 0;
  let gb = 0;
  let r = 0;
  for (; r < rows; r += 2) {
    // With an odd row count the last pair repeats its row; only the first half is kept.
    const last = r + 1 === rows;
    const xa = r * n;
    const xb = last ? xa : xa + n;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    let i = 0;
    for (; i < n4; i += 4) {
      const w0 = weight[i];
      const w1 = weight[i + 1];
      const w2 = weight[i + 2];
      const w3 = weight[i + 3];
      a0 += x[xa + i] * w0;
      a1 += x[xa + i + 1] * w1;
      a2 += x[xa + i + 2] * w2;
      a3 += x[xa + i + 3] * w3;
      c0 += x[xb + i] * w0;
      c1 += x[xb + i + 1] * w1;
      c2 += x[xb + i + 2] * w2;
      c3 += x[xb + i + 3] * w3;
    }
    for (; i < n; i++) {
      const wi = weight[i];
      a0 += x[xa + i] * wi;
      c0 += x[xb + i] * wi;
    }
    const da = a0 + a1 + (a2 + a3) + b0 - y[r];
    s += da * da;
    const va = norm * da;
    gb += va;
    v[r] = va;
    if (last) break;
    const db = c0 + c1 + (c2 + c3) + b0 - y[r + 1];
    s += db * db;
    const vb = norm * db;
    gb += vb;
    v[r + 1] = vb;
  }
  let i = 0;
  for (; i < n4; i += 4) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let q = 0, xo = i; q < rows; q++, xo += n) {
      const vq = v[q];
      a0 += vq * x[xo];
      a1 += vq * x[xo + 1];
      a2 += vq * x[xo + 2];
      a3 += vq * x[xo + 3];
    }
    weight[i] += -lr * a0;
    weight[i + 1] += -lr * a1;
    weight[i + 2] += -lr * a2;
    weight[i + 3] += -lr * a3;
  }
  for (; i < n; i++) {
    let a = 0;
    for (let q = 0, xo = i; q < rows; q++, xo += n) a += v[q] * x[xo];
    weight[i] += -lr * a;
  }
  bias[0] = b0 + -lr * gb;
  return s / rows;
}

/**
 * W2's step for its 13 inputs, in one pass: each row's 13 inputs are read once into locals, its
 * dot product formed in the engine's four partial sums, and v = (2/N)(p − t) added into the bias
 * gradient and the 13 weight gradients, all held in locals, rows in order (the sums of
 * `linearStep`'s two passes, term for term). Written out for 13 inputs, as a hand-tuned loop for
 * this workload would be; V8 keeps the 26 weights and sums in registers.
 */
function linear13Step(x: Float64Array, y: Float64Array, rows: number, weight: Float64Array, bias: Float64Array, lr: number): number {
  const norm = 2 / rows;
  const b0 = bias[0];
  const w0 = weight[0], w1 = weight[1], w2 = weight[2], w3 = weight[3], w4 = weight[4], w5 = weight[5], w6 = weight[6], w7 = weight[7], w8 = weight[8], w9 = weight[9], w10 = weight[10], w11 = weight[11], w12 = weight[12];
  let s = 0;
  let gb = 0;
  let g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0, g8 = 0, g9 = 0, g10 = 0, g11 = 0, g12 = 0;
  for (let r = 0, o = 0; r < rows; r++, o += 13) {
    const x0 = x[o + 0], x1 = x[o + 1], x2 = x[o + 2], x3 = x[o + 3], x4 = x[o + 4], x5 = x[o + 5], x6 = x[o + 6], x7 = x[o + 7], x8 = x[o + 8], x9 = x[o + 9], x10 = x[o + 10], x11 = x[o + 11], x12 = x[o + 12];
    const d = ((((0 + x0 * w0) + x4 * w4) + x8 * w8) + x12 * w12) + (((0 + x1 * w1) + x5 * w5) + x9 * w9) + ((((0 + x2 * w2) + x6 * w6) + x10 * w10) + (((0 + x3 * w3) + x7 * w7) + x11 * w11)) + b0 - y[r];
    s += d * d;
    const v = norm * d;
    gb += v;
    g0 += v * x0;
    g1 += v * x1;
    g2 += v * x2;
    g3 += v * x3;
    g4 += v * x4;
    g5 += v * x5;
    g6 += v * x6;
    g7 += v * x7;
    g8 += v * x8;
    g9 += v * x9;
    g10 += v * x10;
    g11 += v * x11;
    g12 += v * x12;
  }
  weight[0] = w0 + -lr * g0;
  weight[1] = w1 + -lr * g1;
  weight[2] = w2 + -lr * g2;
  weight[3] = w3 + -lr * g3;
  weight[4] = w4 + -lr * g4;
  weight[5] = w5 + -lr * g5;
  weight[6] = w6 + -lr * g6;
  weight[7] = w7 + -lr * g7;
  weight[8] = w8 + -lr * g8;
  weight[9] = w9 + -lr * g9;
  weight[10] = w10 + -lr * g10;
  weight[11] = w11 + -lr * g11;
  weight[12] = w12 + -lr * g12;
  bias[0] = b0 + -lr * gb;
  return s / rows;
}

/** W2: the fused loop for linear(n,1) regression. */
export function fusedLinear(w: MlpWorkload): FusedRun {
  const { x, y, rows, lr } = w;
  const n = w.layers[0].inFeatures;
  const weight = w.layers[0].weight.slice();
  const bias = w.layers[0].bias.slice();
  if (n === 13) return { step: () => linear13Step(x, y, rows, weight, bias, lr), params: [weight, bias], inputGrad: () => 0 };
  const v = new Float64Array(rows);
  return { step: () => linearStep(x, y, rows, n, weight, bias, v, lr), params: [weight, bias], inputGrad: () => 0 };
}
