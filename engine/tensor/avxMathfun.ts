import { f32, fma32 } from './float32';

// The float32 logarithm, sine and cosine of avx_mathfun.h (Cephes polynomials, eight lanes at a
// time), one lane at a time, as PyTorch 1.13's CPU randn computes them from 16 float32 numbers
// on (normal_fill_16_AVX2). Each step rounds to float32, and where GCC (with -mfma) fuses a
// multiply with the add after it, the step is one fused multiply-add.

const SQRTHF = f32(0.7071067811865476);
const LOG_P = [7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1].map(f32);
const LOG_Q1 = f32(-2.1219444e-4);
const LOG_Q2 = f32(0.693359375);
const FOPI = f32(1.27323954473516);
const DP1 = f32(-0.78515625);
const DP2 = f32(-2.4187564849853515625e-4);
const DP3 = f32(-3.774894977445941e-8);
const SINCOF = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(f32);
const COSCOF = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(f32);

const word = new DataView(new ArrayBuffer(4));
const bitsOf = (x: number): number => (word.setFloat32(0, x), word.getUint32(0));
const fromBits = (b: number): number => (word.setUint32(0, b >>> 0), word.getFloat32(0));

/** log256_ps on one lane, for a positive normal float32 x. */
export function logAvx(x0: number): number {
  const b = bitsOf(x0);
  let e = f32((b >>> 23) - 0x7f + 1);
  // The significand in [0.5, 1); below √½ it is doubled and the exponent lowered.
  let x = fromBits((b & ~0x7f800000) | bitsOf(0.5));
  const small = x < SQRTHF;
  const kept = small ? x : 0;
  x = f32(x - 1);
  if (small) e = f32(e - 1);
  x = f32(x + kept);
  const z = f32(x * x);
  let y = LOG_P[0];
  for (let k = 1; k < LOG_P.length; k++) y = fma32(y, x, LOG_P[k]);
  y = f32(y * x);
  // y·z + e·q1: GCC fuses the first product and rounds the second.
  y = fma32(y, z, f32(e * LOG_Q1));
  y = fma32(-z, 0.5, y);
  x = f32(x + y);
  return fma32(e, LOG_Q2, x);
}

/** sincos256_ps on one lane: [sin x, cos x]. */
export function sinCosAvx(x0: number): [number, number] {
  let x = Math.abs(x0);
  // The octant, rounded up to even (Cephes' j = (j + 1) & ~1).
  const j = (Math.trunc(f32(x * FOPI)) + 1) & ~1;
  const swapSin = (j & 4) !== 0;
  const sinFirst = (j & 2) === 0;
  const negCos = (~(j - 2) & 4) !== 0;
  // Extended-precision reduction: x − j·π/4 in three parts.
  x = fma32(j, DP1, x);
  x = fma32(j, DP2, x);
  x = fma32(j, DP3, x);
  const z = f32(x * x);
  let c = fma32(COSCOF[0], z, COSCOF[1]);
  c = fma32(c, z, COSCOF[2]);
  c = f32(c * z);
  // c·z − z·½: GCC fuses the first product and rounds the second.
  c = fma32(c, z, -f32(z * 0.5));
  c = f32(c + 1);
  let s = fma32(SINCOF[0], z, SINCOF[1]);
  s = fma32(s, z, SINCOF[2]);
  s = f32(s * z);
  s = fma32(s, x, x);
  const sin = sinFirst ? s : c;
  const cos = sinFirst ? c : s;
  return [swapSin !== x0 < 0 ? -sin : sin, negCos ? -cos : cos];
}
