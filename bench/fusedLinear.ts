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

/** W2: the fused loop for linear(n,1) regression. */
export function fusedLinear(w: MlpWorkload): FusedRun {
  const { x, y, rows, lr } = w;
  const n = w.layers[0].inFeatures;
  const weight = w.layers[0].weight.slice();
  const bias = w.layers[0].bias.slice();
  const v = new Float64Array(rows);
  return { step: () => linearStep(x, y, rows, n, weight, bias, v, lr), params: [weight, bias], inputGrad: () => 0 };
}
