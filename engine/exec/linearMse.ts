/**
 * `linear` with one output feeding `mse` against data, fused for the compiled step (float64):
 * the regression the course trains. Every sum is the kernels' own (linear.ts, mse.ts), term for
 * term in the same order, so the numbers are the interpreter's bit for bit; only the passes
 * over the rows are merged.
 */

/** The buffers of one linear → mse pair, bound at compile time. */
export interface LinearMseBuffers {
  /** The linear's input `[rows, nIn]`, weight `[1, nIn]`, bias `[1]`, output `[rows, 1]`. */
  readonly x: Float64Array;
  readonly w: Float64Array;
  readonly b: Float64Array;
  readonly y: Float64Array;
  /** The mse's target, its output (the loss) and the loss's gradient. */
  readonly t: Float64Array;
  readonly loss: Float64Array;
  readonly gLoss: Float64Array;
  /** The linear output's gradient, and the weight's and bias's. */
  readonly gy: Float64Array;
  readonly gw: Float64Array;
  readonly gb: Float64Array;
  readonly rows: number;
  readonly nIn: number;
  /** The mse's divisor (rows for `mean`, 1 for `sum`). */
  readonly divisor: number;
  /** Where a pass leaves its bias and weight sums. */
  readonly sums: Float64Array;
}

/** Σᵢ a[ao + i]·b[i] over n elements in four partial sums, as linear.ts's `dot`. */
function dot(a: Float64Array, ao: number, b: Float64Array, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[ao + i] * b[i];
    s1 += a[ao + i + 1] * b[i + 1];
    s2 += a[ao + i + 2] * b[i + 2];
    s3 += a[ao + i + 3] * b[i + 3];
  }
  for (; i < n; i++) s0 += a[ao + i] * b[i];
  return s0 + s1 + (s2 + s3);
}

/** One input feature: y = x·w + b; returns the squared errors' sum. */
function oneFeature(x: Float64Array, w0: number, b0: number, y: Float64Array, t: Float64Array, rows: number): number {
  let s = 0;
  for (let r = 0; r < rows; r++) {
    const v = x[r] * w0 + b0;
    y[r] = v;
    const d = v - t[r];
    s += d * d;
  }
  return s;
}

/**
 * oneFeature with each row's mse gradient written into `gy` and summed for the bias and the
 * weight into `sums`. The step zeroed `gy` just before and only the mse writes it, so the
 * kernel's `gy[r] + …` is `0 + …` (kept, as it turns −0 into +0 like the kernel's sum).
 */
function oneFeatureRoot(x: Float64Array, w0: number, b0: number, y: Float64Array, t: Float64Array, rows: number, gy: Float64Array, norm: number, g0: number, sums: Float64Array): number {
  let s = 0;
  let sb = 0;
  let sw = 0;
  for (let r = 0; r < rows; r++) {
    const xr = x[r];
    const v = xr * w0 + b0;
    y[r] = v;
    const d = v - t[r];
    s += d * d;
    const g = 0 + norm * d * g0;
    gy[r] = g;
    sb += g;
    sw += g * xr;
  }
  sums[0] = sb;
  sums[1] = sw;
  return s;
}

/** Several input features, two rows at a time as linear.ts forms them; with `gy` (zeroed, as for oneFeatureRoot), each row's mse gradient too, summed for the bias into `sums`. */
function features(x: Float64Array, w: Float64Array, b: Float64Array, y: Float64Array, t: Float64Array, rows: number, nIn: number, gy: Float64Array | null, norm: number, g0: number, sums: Float64Array): number {
  const n4 = nIn - (nIn & 3);
  let s = 0;
  let sb = 0;
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const xa = r * nIn;
    const xb = xa + nIn;
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
      const w0 = w[i];
      const w1 = w[i + 1];
      const w2 = w[i + 2];
      const w3 = w[i + 3];
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
      const wi = w[i];
      a0 += x[xa + i] * wi;
      c0 += x[xb + i] * wi;
    }
    const va = a0 + a1 + (a2 + a3) + b[0];
    const vb = c0 + c1 + (c2 + c3) + b[0];
    y[r] = va;
    y[r + 1] = vb;
    const da = va - t[r];
    s += da * da;
    const db = vb - t[r + 1];
    s += db * db;
    if (gy !== null) {
      const ga = 0 + norm * da * g0;
      gy[r] = ga;
      sb += ga;
      const gc = 0 + norm * db * g0;
      gy[r + 1] = gc;
      sb += gc;
    }
  }
  for (; r < rows; r++) {
    const v = dot(x, r * nIn, w, nIn) + b[0];
    y[r] = v;
    const d = v - t[r];
    s += d * d;
    if (gy !== null) {
      const g = 0 + norm * d * g0;
      gy[r] = g;
      sb += g;
    }
  }
  sums[0] = sb;
  return s;
}

/** Forward only: the linear's output and the loss. */
export function linearMseForward(p: LinearMseBuffers): void {
  const { w, nIn } = p;
  const s = nIn === 1 ? oneFeature(p.x, w[0], p.b[0], p.y, p.t, p.rows) : features(p.x, w, p.b, p.y, p.t, p.rows, nIn, null, 0, 0, p.sums);
  p.loss[0] = s / p.divisor;
}

/**
 * Forward with the loss as the root of backward (its gradient already seeded): the mse's
 * gradient and the linear's bias (and lone weight) gradient in the same pass.
 */
export function linearMseForwardRoot(p: LinearMseBuffers): void {
  const { nIn, sums, divisor } = p;
  const norm = 2 / divisor;
  if (nIn === 1) {
    p.loss[0] = oneFeatureRoot(p.x, p.w[0], p.b[0], p.y, p.t, p.rows, p.gy, norm, p.gLoss[0], sums) / divisor;
    p.gb[0] += sums[0];
    p.gw[0] += sums[1];
    return;
  }
  p.loss[0] = features(p.x, p.w, p.b, p.y, p.t, p.rows, nIn, p.gy, norm, p.gLoss[0], sums) / divisor;
  p.gb[0] += sums[0];
}

/** The mse's backward with the bias (and lone weight) sums, into `sums`. */
function backwardPass(x: Float64Array, y: Float64Array, t: Float64Array, gy: Float64Array, rows: number, nIn: number, norm: number, g0: number, sums: Float64Array): void {
  let sb = 0;
  if (nIn === 1) {
    let sw = 0;
    for (let r = 0; r < rows; r++) {
      const g = gy[r] + norm * (y[r] - t[r]) * g0;
      gy[r] = g;
      sb += g;
      sw += g * x[r];
    }
    sums[1] = sw;
  } else {
    for (let r = 0; r < rows; r++) {
      const g = gy[r] + norm * (y[r] - t[r]) * g0;
      gy[r] = g;
      sb += g;
    }
  }
  sums[0] = sb;
}

/** The mse's backward and the linear's bias (and lone weight) gradient in one pass over the rows. */
export function linearMseBackward(p: LinearMseBuffers): void {
  const { nIn, sums } = p;
  backwardPass(p.x, p.y, p.t, p.gy, p.rows, nIn, 2 / p.divisor, p.gLoss[0], sums);
  p.gb[0] += sums[0];
  if (nIn === 1) p.gw[0] += sums[1];
}
