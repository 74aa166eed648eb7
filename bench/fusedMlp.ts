import type { FusedRun } from './fused';
import type { MlpWorkload } from './workloads';

/** Σ_r g[r·gs + go] · a[r·as + ao + j] for j = 0..3, rows in order, added to out[oo..oo+3]. */
function columnSums4(g: Float64Array, gs: number, go: number, a: Float64Array, as: number, ao: number, rows: number, out: Float64Array, oo: number): void {
  let s0 = out[oo];
  let s1 = out[oo + 1];
  let s2 = out[oo + 2];
  let s3 = out[oo + 3];
  for (let r = 0, gi = go, ai = ao; r < rows; r++, gi += gs, ai += as) {
    const k = g[gi];
    s0 += k * a[ai];
    s1 += k * a[ai + 1];
    s2 += k * a[ai + 2];
    s3 += k * a[ai + 3];
  }
  out[oo] = s0;
  out[oo + 1] = s1;
  out[oo + 2] = s2;
  out[oo + 3] = s3;
}

/** Σ_r g[r·gs + go] · a[r·as + ao], rows in order, added to out[oo]. */
function columnSum(g: Float64Array, gs: number, go: number, a: Float64Array, as: number, ao: number, rows: number, out: Float64Array, oo: number): void {
  let s = out[oo];
  for (let r = 0, gi = go, ai = ao; r < rows; r++, gi += gs, ai += as) s += g[gi] * a[ai];
  out[oo] = s;
}

/** ∂W[o, i] += Σ_r g[r, o] · a[r, i] for a layer of `nIn` inputs and `nOut` outputs, four columns at a time. */
function weightGrad(g: Float64Array, a: Float64Array, rows: number, nIn: number, nOut: number, gw: Float64Array): void {
  for (let o = 0; o < nOut; o++) {
    let i = 0;
    for (; i + 3 < nIn; i += 4) columnSums4(g, nOut, o, a, nIn, i, rows, gw, o * nIn + i);
    for (; i < nIn; i++) columnSum(g, nOut, o, a, nIn, i, rows, gw, o * nIn + i);
  }
}

/**
 * out[r, o] = (Σ_i a[r, i] · w[o, i]) + b[o], each sum in four partial sums (s0 + s1) + (s2 + s3)
 * as the engine's linear forms it; two rows at a time share the weight loads.
 */
function dense(a: Float64Array, w: Float64Array, b: Float64Array, rows: number, nIn: number, nOut: number, out: Float64Array): void {
  const n4 = nIn - (nIn & 3);
  for (let r = 0; r < rows; r += 2) {
    // With an odd row count the last pair repeats its row; only the first result is kept.
    const last = r + 1 === rows;
    const xa = r * nIn;
    const xb = last ? xa : xa + nIn;
    const ya = r * nOut;
    for (let o = 0, wo = 0; o < nOut; o++, wo += nIn) {
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
        const w0 = w[wo + i];
        const w1 = w[wo + i + 1];
        const w2 = w[wo + i + 2];
        const w3 = w[wo + i + 3];
        a0 += a[xa + i] * w0;
        a1 += a[xa + i + 1] * w1;
        a2 += a[xa + i + 2] * w2;
        a3 += a[xa + i + 3] * w3;
        c0 += a[xb + i] * w0;
        c1 += a[xb + i + 1] * w1;
        c2 += a[xb + i + 2] * w2;
        c3 += a[xb + i + 3] * w3;
      }
      for (; i < nIn; i++) {
        const wi = w[wo + i];
        a0 += a[xa + i] * wi;
        c0 += a[xb + i] * wi;
      }
      out[ya + o] = a0 + a1 + (a2 + a3) + b[o];
      if (!last) out[ya + nOut + o] = c0 + c1 + (c2 + c3) + b[o];
    }
  }
}

/** Buffers of the 3-layer stack: parameters and gradients (w1 b1 w2 b2 w3 b3) and per-row activations. */
interface Mlp3 {
  readonly nIn: number;
  readonly h1n: number;
  readonly h2n: number;
  readonly params: Float64Array[];
  readonly grads: Float64Array[];
  /** [rows, h1n] pre-activations, their squares and ∂loss/∂(pre-activation); the same for layer 2; [rows] ∂loss/∂out. */
  readonly h1: Float64Array;
  readonly a1: Float64Array;
  readonly g1: Float64Array;
  readonly h2: Float64Array;
  readonly a2: Float64Array;
  readonly g2: Float64Array;
  readonly v: Float64Array;
}

/**
 * W3's step: linear → square → linear → square → linear(·,1) + MSE + SGD, layer by layer over
 * all rows with every loop specialised to the stack: dot products in four partial sums, weight
 * gradients summed over rows four columns at a time in registers, then the update. Same sums
 * in the same order as the engine (a row-by-row fused version was slower: its ∂W2 lived in memory).
 */
function mlp3Step(x: Float64Array, y: Float64Array, rows: number, m: Mlp3, lr: number): number {
  const { nIn, h1n, h2n, params, grads, h1, a1, g1, h2, a2, g2, v } = m;
  const [w1, b1, w2, b2, w3, b3] = params;
  const [gw1, gb1, gw2, gb2, gw3, gb3] = grads;
  const norm = 2 / rows;
  for (let k = 0; k < grads.length; k++) grads[k].fill(0);
  // Forward.
  dense(x, w1, b1, rows, nIn, h1n, h1);
  for (let j = 0; j < h1.length; j++) a1[j] = h1[j] * h1[j];
  dense(a1, w2, b2, rows, h1n, h2n, h2);
  for (let j = 0; j < h2.length; j++) a2[j] = h2[j] * h2[j];
  dense(a2, w3, b3, rows, h2n, 1, v);
  let s = 0;
  let sv = 0;
  for (let r = 0; r < rows; r++) {
    const d = v[r] - y[r];
    s += d * d;
    v[r] = norm * d;
    sv += v[r];
  }
  // Backward: layer 3, then ∂h2 = 2·h2·(v·w3).
  gb3[0] = sv;
  weightGrad(v, a2, rows, h2n, 1, gw3);
  for (let r = 0, ro = 0; r < rows; r++, ro += h2n) {
    const vr = v[r];
    for (let i = 0; i < h2n; i++) g2[ro + i] = 2 * h2[ro + i] * (vr * w3[i]);
  }
  // Layer 2: bias, weight, then ∂a1 = ∂h2 · W2 summed over outputs in order, and ∂h1 = 2·h1·∂a1.
  for (let o = 0; o < h2n; o++) {
    let t = 0;
    for (let r = 0, gi = o; r < rows; r++, gi += h2n) t += g2[gi];
    gb2[o] = t;
  }
  weightGrad(g2, a1, rows, h1n, h2n, gw2);
  for (let r = 0, ro = 0, go = 0; r < rows; r++, ro += h1n, go += h2n) {
    // Four inputs at a time, outputs innermost: each ∂a1 sums over outputs in order, in registers.
    let i = 0;
    for (; i + 3 < h1n; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let o = 0, wo = i; o < h2n; o++, wo += h1n) {
        const k = g2[go + o];
        s0 += k * w2[wo];
        s1 += k * w2[wo + 1];
        s2 += k * w2[wo + 2];
        s3 += k * w2[wo + 3];
      }
      g1[ro + i] = 2 * h1[ro + i] * s0;
      g1[ro + i + 1] = 2 * h1[ro + i + 1] * s1;
      g1[ro + i + 2] = 2 * h1[ro + i + 2] * s2;
      g1[ro + i + 3] = 2 * h1[ro + i + 3] * s3;
    }
    for (; i < h1n; i++) {
      let t = 0;
      for (let o = 0, wo = i; o < h2n; o++, wo += h1n) t += g2[go + o] * w2[wo];
      g1[ro + i] = 2 * h1[ro + i] * t;
    }
  }
  // Layer 1.
  for (let o = 0; o < h1n; o++) {
    let t = 0;
    for (let r = 0, gi = o; r < rows; r++, gi += h1n) t += g1[gi];
    gb1[o] = t;
  }
  weightGrad(g1, x, rows, nIn, h1n, gw1);
  for (let k = 0; k < params.length; k++) {
    const p = params[k];
    const g = grads[k];
    for (let i = 0; i < p.length; i++) p[i] += -lr * g[i];
  }
  return s / rows;
}

/** W3: the fused step for a 3-layer stack with square activations ending in one output. */
export function fusedMlp3(w: MlpWorkload): FusedRun {
  const { x, y, rows, lr } = w;
  const [l1, l2, l3] = w.layers;
  const params = [l1.weight, l1.bias, l2.weight, l2.bias, l3.weight, l3.bias].map((p) => p.slice());
  const h1n = l1.outFeatures;
  const h2n = l2.outFeatures;
  const m: Mlp3 = {
    nIn: l1.inFeatures,
    h1n,
    h2n,
    params,
    grads: params.map((p) => new Float64Array(p.length)),
    h1: new Float64Array(rows * h1n),
    a1: new Float64Array(rows * h1n),
    g1: new Float64Array(rows * h1n),
    h2: new Float64Array(rows * h2n),
    a2: new Float64Array(rows * h2n),
    g2: new Float64Array(rows * h2n),
    v: new Float64Array(rows),
  };
  return { step: () => mlp3Step(x, y, rows, m, lr), params, inputGrad: () => 0 };
}
