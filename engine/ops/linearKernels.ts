/**
 * `linear`'s float64 loops (y = x Wᵀ + b and its gradients), over the whole batch or a range of
 * rows, shared by the op's kernels (linear.ts) and the compiled step's fused layers
 * (exec/linearAct.ts). Every sum adds its terms in one fixed order (a dot product in four
 * partial sums, a gradient over rows or outputs in order, from the buffer's current value);
 * the loops only choose how many independent sums are in flight at once.
 */

/** Σᵢ a[ao + i]·b[bo + i] over n elements, four at a time for instruction-level parallelism. */
function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[ao + i] * b[bo + i];
    s1 += a[ao + i + 1] * b[bo + i + 1];
    s2 += a[ao + i + 2] * b[bo + i + 2];
    s3 += a[ao + i + 3] * b[bo + i + 3];
  }
  for (; i < n; i++) s0 += a[ao + i] * b[bo + i];
  return s0 + s1 + (s2 + s3);
}

/** Rows `from` to `to` (exclusive) of linear's forward, y = x Wᵀ + b, as the kernel writes every row. */
export function linearRows(x: Float64Array, w: Float64Array, b: Float64Array, y: Float64Array, from: number, to: number, nIn: number, nOut: number): void {
  if (nIn === 1 && nOut === 1) {
    // The course's y = w·x + b: one multiply-add per row.
    const w0 = w[0];
    const b0 = b[0];
    for (let r = from; r < to; r++) y[r] = x[r] * w0 + b0;
    return;
  }
  // Two rows at a time share each weight load and keep eight partial sums in flight.
  const n4 = nIn - (nIn & 3);
  let r = from;
  for (; r + 1 < to; r += 2) {
    const xa = r * nIn;
    const xb = xa + nIn;
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
        a0 += x[xa + i] * w0;
        a1 += x[xa + i + 1] * w1;
        a2 += x[xa + i + 2] * w2;
        a3 += x[xa + i + 3] * w3;
        c0 += x[xb + i] * w0;
        c1 += x[xb + i + 1] * w1;
        c2 += x[xb + i + 2] * w2;
        c3 += x[xb + i + 3] * w3;
      }
      for (; i < nIn; i++) {
        const wi = w[wo + i];
        a0 += x[xa + i] * wi;
        c0 += x[xb + i] * wi;
      }
      y[ya + o] = a0 + a1 + (a2 + a3) + b[o];
      y[ya + nOut + o] = c0 + c1 + (c2 + c3) + b[o];
    }
  }
  for (; r < to; r++) {
    const xo = r * nIn;
    for (let o = 0, wo = 0; o < nOut; o++, wo += nIn) y[r * nOut + o] = dot(x, xo, w, wo, nIn) + b[o];
  }
}

/** Adds db = Σ_rows G into `gb`, each output's sum from 0 with rows in order, four outputs at a time. */
export function linearBiasGrad(g: Float64Array, gb: Float64Array, rows: number, nOut: number): void {
  const n = rows * nOut;
  let o = 0;
  for (; o + 3 < nOut; o += 4) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let go = o; go < n; go += nOut) {
      s0 += g[go];
      s1 += g[go + 1];
      s2 += g[go + 2];
      s3 += g[go + 3];
    }
    gb[o] += s0;
    gb[o + 1] += s1;
    gb[o + 2] += s2;
    gb[o + 3] += s3;
  }
  for (; o < nOut; o++) {
    let s = 0;
    for (let go = o; go < n; go += nOut) s += g[go];
    gb[o] += s;
  }
}

/**
 * Adds dW = Gᵀ x into `gw`: each element from its current value, rows in order. Two outputs by
 * four inputs at a time (eight sums in flight), then four inputs of a last odd output, then
 * the inputs past the last four, four outputs at a time.
 */
export function linearWeightGrad(g: Float64Array, x: Float64Array, gw: Float64Array, rows: number, nIn: number, nOut: number): void {
  if (nIn === 1 && nOut === 1) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += g[r] * x[r];
    gw[0] += s;
    return;
  }
  const n4 = nIn - (nIn & 3);
  let o = 0;
  for (; o + 1 < nOut; o += 2) {
    const wa = o * nIn;
    const wb = wa + nIn;
    for (let i = 0; i < n4; i += 4) {
      let a0 = gw[wa + i];
      let a1 = gw[wa + i + 1];
      let a2 = gw[wa + i + 2];
      let a3 = gw[wa + i + 3];
      let c0 = gw[wb + i];
      let c1 = gw[wb + i + 1];
      let c2 = gw[wb + i + 2];
      let c3 = gw[wb + i + 3];
      for (let r = 0, xo = i, go = o; r < rows; r++, xo += nIn, go += nOut) {
        const k = g[go];
        const m = g[go + 1];
        const x0 = x[xo];
        const x1 = x[xo + 1];
        const x2 = x[xo + 2];
        const x3 = x[xo + 3];
        a0 += k * x0;
        a1 += k * x1;
        a2 += k * x2;
        a3 += k * x3;
        c0 += m * x0;
        c1 += m * x1;
        c2 += m * x2;
        c3 += m * x3;
      }
      gw[wa + i] = a0;
      gw[wa + i + 1] = a1;
      gw[wa + i + 2] = a2;
      gw[wa + i + 3] = a3;
      gw[wb + i] = c0;
      gw[wb + i + 1] = c1;
      gw[wb + i + 2] = c2;
      gw[wb + i + 3] = c3;
    }
  }
  for (; o < nOut; o++) {
    const wo = o * nIn;
    for (let i = 0; i < n4; i += 4) {
      let a0 = gw[wo + i];
      let a1 = gw[wo + i + 1];
      let a2 = gw[wo + i + 2];
      let a3 = gw[wo + i + 3];
      for (let r = 0, xo = i, go = o; r < rows; r++, xo += nIn, go += nOut) {
        const k = g[go];
        a0 += k * x[xo];
        a1 += k * x[xo + 1];
        a2 += k * x[xo + 2];
        a3 += k * x[xo + 3];
      }
      gw[wo + i] = a0;
      gw[wo + i + 1] = a1;
      gw[wo + i + 2] = a2;
      gw[wo + i + 3] = a3;
    }
  }
  for (let i = n4; i < nIn; i++) {
    let q = 0;
    for (; q + 3 < nOut; q += 4) {
      const wo = q * nIn + i;
      let a0 = gw[wo];
      let a1 = gw[wo + nIn];
      let a2 = gw[wo + 2 * nIn];
      let a3 = gw[wo + 3 * nIn];
      for (let r = 0, xo = i, go = q; r < rows; r++, xo += nIn, go += nOut) {
        const v = x[xo];
        a0 += g[go] * v;
        a1 += g[go + 1] * v;
        a2 += g[go + 2] * v;
        a3 += g[go + 3] * v;
      }
      gw[wo] = a0;
      gw[wo + nIn] = a1;
      gw[wo + 2 * nIn] = a2;
      gw[wo + 3 * nIn] = a3;
    }
    for (; q < nOut; q++) {
      let a = gw[q * nIn + i];
      for (let r = 0, xo = i, go = q; r < rows; r++, xo += nIn, go += nOut) a += g[go] * x[xo];
      gw[q * nIn + i] = a;
    }
  }
}

/**
 * Adds dx = G W into rows `from` to `to` (exclusive) of `gx`: each element from its current
 * value, outputs in order. Two rows by four inputs at a time share the weight loads.
 */
export function linearInputGradRows(g: Float64Array, w: Float64Array, gx: Float64Array, from: number, to: number, nIn: number, nOut: number): void {
  const n4 = nIn - (nIn & 3);
  let r = from;
  for (; r + 1 < to; r += 2) {
    const xa = r * nIn;
    const xb = xa + nIn;
    const ga = r * nOut;
    const gb = ga + nOut;
    let i = 0;
    for (; i < n4; i += 4) {
      let a0 = gx[xa + i];
      let a1 = gx[xa + i + 1];
      let a2 = gx[xa + i + 2];
      let a3 = gx[xa + i + 3];
      let c0 = gx[xb + i];
      let c1 = gx[xb + i + 1];
      let c2 = gx[xb + i + 2];
      let c3 = gx[xb + i + 3];
      for (let o = 0, wo = i; o < nOut; o++, wo += nIn) {
        const k = g[ga + o];
        const m = g[gb + o];
        const w0 = w[wo];
        const w1 = w[wo + 1];
        const w2 = w[wo + 2];
        const w3 = w[wo + 3];
        a0 += k * w0;
        a1 += k * w1;
        a2 += k * w2;
        a3 += k * w3;
        c0 += m * w0;
        c1 += m * w1;
        c2 += m * w2;
        c3 += m * w3;
      }
      gx[xa + i] = a0;
      gx[xa + i + 1] = a1;
      gx[xa + i + 2] = a2;
      gx[xa + i + 3] = a3;
      gx[xb + i] = c0;
      gx[xb + i + 1] = c1;
      gx[xb + i + 2] = c2;
      gx[xb + i + 3] = c3;
    }
    for (; i < nIn; i++) {
      let a = gx[xa + i];
      let c = gx[xb + i];
      for (let o = 0, wo = i; o < nOut; o++, wo += nIn) {
        a += g[ga + o] * w[wo];
        c += g[gb + o] * w[wo];
      }
      gx[xa + i] = a;
      gx[xb + i] = c;
    }
  }
  for (; r < to; r++) {
    const xo = r * nIn;
    const go = r * nOut;
    let i = 0;
    for (; i < n4; i += 4) {
      let a0 = gx[xo + i];
      let a1 = gx[xo + i + 1];
      let a2 = gx[xo + i + 2];
      let a3 = gx[xo + i + 3];
      for (let o = 0, wo = i; o < nOut; o++, wo += nIn) {
        const k = g[go + o];
        a0 += k * w[wo];
        a1 += k * w[wo + 1];
        a2 += k * w[wo + 2];
        a3 += k * w[wo + 3];
      }
      gx[xo + i] = a0;
      gx[xo + i + 1] = a1;
      gx[xo + i + 2] = a2;
      gx[xo + i + 3] = a3;
    }
    for (; i < nIn; i++) {
      let a = gx[xo + i];
      for (let o = 0, wo = i; o < nOut; o++, wo += nIn) a += g[go + o] * w[wo];
      gx[xo + i] = a;
    }
  }
}
