import type { FusedRun } from './fused';
import type { MlpWorkload } from './workloads';

/**
 * ∂W[o, i] += Σ_r g[r, o] · a[r, i], rows in order, for a layer of `nIn` inputs and `nOut`
 * outputs: two outputs by four inputs at a time in registers (eight sums in flight), four
 * inputs of a last odd output, then the inputs past the last four, four outputs at a time.
 */
function weightGrad(g: Float64Array, a: Float64Array, rows: number, nIn: number, nOut: number, gw: Float64Array): void {
  const n4 = nIn - (nIn & 3);
  let o = 0;
  for (; o + 1 < nOut; o += 2) {
    const p = o * nIn;
    const q = p + nIn;
    for (let i = 0; i < n4; i += 4) {
      let s0 = gw[p + i];
      let s1 = gw[p + i + 1];
      let s2 = gw[p + i + 2];
      let s3 = gw[p + i + 3];
      let t0 = gw[q + i];
      let t1 = gw[q + i + 1];
      let t2 = gw[q + i + 2];
      let t3 = gw[q + i + 3];
      for (let r = 0, ai = i, gi = o; r < rows; r++, ai += nIn, gi += nOut) {
        const k = g[gi];
        const m = g[gi + 1];
        const v0 = a[ai];
        const v1 = a[ai + 1];
        const v2 = a[ai + 2];
        const v3 = a[ai + 3];
        s0 += k * v0;
        s1 += k * v1;
        s2 += k * v2;
        s3 += k * v3;
        t0 += m * v0;
        t1 += m * v1;
        t2 += m * v2;
        t3 += m * v3;
      }
      gw[p + i] = s0;
      gw[p + i + 1] = s1;
      gw[p + i + 2] = s2;
      gw[p + i + 3] = s3;
      gw[q + i] = t0;
      gw[q + i + 1] = t1;
      gw[q + i + 2] = t2;
      gw[q + i + 3] = t3;
    }
  }
  for (; o < nOut; o++) {
    const p = o * nIn;
    for (let i = 0; i < n4; i += 4) {
      let s0 = gw[p + i];
      let s1 = gw[p + i + 1];
      let s2 = gw[p + i + 2];
      let s3 = gw[p + i + 3];
      for (let r = 0, ai = i, gi = o; r < rows; r++, ai += nIn, gi += nOut) {
        const k = g[gi];
        s0 += k * a[ai];
        s1 += k * a[ai + 1];
        s2 += k * a[ai + 2];
        s3 += k * a[ai + 3];
      }
      gw[p + i] = s0;
      gw[p + i + 1] = s1;
      gw[p + i + 2] = s2;
      gw[p + i + 3] = s3;
    }
  }
  for (let i = n4; i < nIn; i++) {
    let q = 0;
    for (; q + 3 < nOut; q += 4) {
      const p = q * nIn + i;
      let s0 = gw[p];
      let s1 = gw[p + nIn];
      let s2 = gw[p + 2 * nIn];
      let s3 = gw[p + 3 * nIn];
      for (let r = 0, ai = i, gi = q; r < rows; r++, ai += nIn, gi += nOut) {
        const v = a[ai];
        s0 += g[gi] * v;
        s1 += g[gi + 1] * v;
        s2 += g[gi + 2] * v;
        s3 += g[gi + 3] * v;
      }
      gw[p] = s0;
      gw[p + nIn] = s1;
      gw[p + 2 * nIn] = s2;
      gw[p + 3 * nIn] = s3;
    }
    for (; q < nOut; q++) {
      let s = gw[q * nIn + i];
      for (let r = 0, ai = i, gi = q; r < rows; r++, ai += nIn, gi += nOut) s += g[gi] * a[ai];
      gw[q * nIn + i] = s;
    }
  }
}

/** ∂b[o] = Σ_r g[r, o], rows in order, four outputs at a time. */
function biasGrad(g: Float64Array, rows: number, nOut: number, gb: Float64Array): void {
  const n = rows * nOut;
  let o = 0;
  for (; o + 3 < nOut; o += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let gi = o; gi < n; gi += nOut) {
      s0 += g[gi];
      s1 += g[gi + 1];
      s2 += g[gi + 2];
      s3 += g[gi + 3];
    }
    gb[o] = s0;
    gb[o + 1] = s1;
    gb[o + 2] = s2;
    gb[o + 3] = s3;
  }
  for (; o < nOut; o++) {
    let s = 0;
    for (let gi = o; gi < n; gi += nOut) s += g[gi];
    gb[o] = s;
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
 * gradients summed over rows two outputs by four columns at a time in registers, input
 * gradients two rows at a time, then the update. Same sums in the same order as the engine (a
 * row-by-row fused version was slower: its ∂W2 lived in memory).
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
  biasGrad(g2, rows, h2n, gb2);
  weightGrad(g2, a1, rows, h1n, h2n, gw2);
  for (let r = 0; r < rows; r += 2) {
    // Two rows by four inputs at a time, outputs innermost: each ∂a1 sums over outputs in order,
    // in registers. With an odd row count the last pair is one row twice.
    const ra = r * h1n;
    const rb = r + 1 < rows ? ra + h1n : ra;
    const ga = r * h2n;
    const gb = r + 1 < rows ? ga + h2n : ga;
    let i = 0;
    for (; i + 3 < h1n; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let o = 0, wo = i; o < h2n; o++, wo += h1n) {
        const k = g2[ga + o];
        const m = g2[gb + o];
        const u0 = w2[wo];
        const u1 = w2[wo + 1];
        const u2 = w2[wo + 2];
        const u3 = w2[wo + 3];
        s0 += k * u0;
        s1 += k * u1;
        s2 += k * u2;
        s3 += k * u3;
        t0 += m * u0;
        t1 += m * u1;
        t2 += m * u2;
        t3 += m * u3;
      }
      g1[ra + i] = 2 * h1[ra + i] * s0;
      g1[ra + i + 1] = 2 * h1[ra + i + 1] * s1;
      g1[ra + i + 2] = 2 * h1[ra + i + 2] * s2;
      g1[ra + i + 3] = 2 * h1[ra + i + 3] * s3;
      g1[rb + i] = 2 * h1[rb + i] * t0;
      g1[rb + i + 1] = 2 * h1[rb + i + 1] * t1;
      g1[rb + i + 2] = 2 * h1[rb + i + 2] * t2;
      g1[rb + i + 3] = 2 * h1[rb + i + 3] * t3;
    }
    for (; i < h1n; i++) {
      let s = 0;
      let t = 0;
      for (let o = 0, wo = i; o < h2n; o++, wo += h1n) {
        s += g2[ga + o] * w2[wo];
        t += g2[gb + o] * w2[wo];
      }
      g1[ra + i] = 2 * h1[ra + i] * s;
      g1[rb + i] = 2 * h1[rb + i] * t;
    }
  }
  // Layer 1.
  biasGrad(g1, rows, h1n, gb1);
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
