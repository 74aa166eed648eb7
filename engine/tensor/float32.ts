/**
 * Float32 arithmetic as PyTorch 1.13's CPU kernels do it (AVX2 build), on float64 numbers that
 * hold float32 values: `f32` rounds after each elementary operation (exact for + − × ÷ and √,
 * whose float64 result rounds to the same float32), `fma32` is a fused multiply-add with one
 * rounding (the compiler fuses `a + b·c` in PyTorch's AVX2 kernels), and `sleefExpf` is the
 * vectorised exp those kernels call. See docs/graph-format.md ("dtype") for what is exact.
 */

/** Rounds a number to the nearest float32 (ties to even). */
export const f32 = Math.fround;

/** The two numbers a dtype names: float64 (GradCanvas's default) or float32 (PyTorch's). */
export type Dtype = 'float64' | 'float32';

/**
 * How many leading elements of a contiguous n-element tensor PyTorch's elementwise loops
 * (cpu_kernel_vec) run through the 8-lane AVX2 path: whole blocks of 16; the rest run the scalar code.
 */
export function vectorizedCount(n: number): number {
  return n - (n % 16);
}

/** a·b + c rounded once to float32, as a fused multiply-add does (a, b, c float32 values). */
export function fma32(a: number, b: number, c: number): number {
  const p = a * b; // exact: two 24-bit significands fit in 53 bits
  const s = p + c;
  const r = f32(s);
  if (r === s || !Number.isFinite(s)) return r;
  // s + e is exactly p + c (TwoSum); rounding s again is wrong only when s is a float32 midpoint.
  const v = s - p;
  const e = p - (s - v) + (c - v);
  if (e === 0) return r;
  const d = s - r;
  const other = r + 2 * d;
  if (f32(other) !== other) return r;
  return e > 0 === d > 0 ? other : r;
}

/** Rounds to the nearest integer, ties to even, as _mm256_cvtps_epi32 does. */
function rintEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const R_LN2F = f32(Math.LOG2E);
const L2UF = f32(0.693145751953125);
const L2LF = f32(1.428606765330187045e-6);
const EXP_C = [0.000198527617612853646278381, 0.00139304355252534151077271, 0.00833336077630519866943359, 0.0416664853692054748535156, 0.166666671633720397949219, 0.5].map(f32);

/**
 * eˣ as SLEEF's Sleef_expf8_u10 computes it with FMA (the vectorised exp of PyTorch's AVX2
 * kernels): x = q·ln 2 + s by a two-part Cody–Waite reduction, a degree-6 polynomial in s,
 * then scaling by 2^q; below −104 it is 0 and above 100 it is inf.
 */
export function sleefExpf(d: number): number {
  if (Number.isNaN(d)) return NaN;
  if (d < -104) return 0;
  if (d > 100) return Infinity;
  const q = rintEven(f32(d * R_LN2F));
  let s = fma32(q, -L2UF, d);
  s = fma32(q, -L2LF, s);
  let u = EXP_C[0];
  for (let i = 1; i < EXP_C.length; i++) u = fma32(u, s, EXP_C[i]);
  u = f32(1 + fma32(f32(s * s), u, s));
  const h = q >> 1;
  return f32(f32(u * 2 ** h) * 2 ** (q - h));
}

/** eˣ as the C library's expf computes it for the scalar tail (correctly rounded but for rare ties). */
export function libmExpf(x: number): number {
  return f32(Math.exp(x));
}

/** 1/c and ln c for the 16 subintervals of glibc's logf (the ARM optimized-routines table), as exact decimals. */
const LOGF_TABLE: readonly (readonly [number, number])[] = [
  [1.398907162146528, -0.33569133332882284],
  [1.3403141896637998, -0.2929040563774074],
  [1.286432210124115, -0.2518726580937369],
  [1.2367150214269895, -0.21245868807117255],
  [1.1906977166711752, -0.17453945183745634],
  [1.1479821020556429, -0.1380057072319758],
  [1.1082251448272158, -0.10275976698545139],
  [1.0711297413057381, -0.06871392447020525],
  [1.036437278977283, -0.0357891387398228],
  [1.0, 0],
  [0.9492859795739057, 0.05204517742929496],
  [0.8951049428609004, 0.11081431298787942],
  [0.8476821620351103, 0.1652495223695143],
  [0.8050314851692001, 0.21687389031699977],
  [0.7664671008843108, 0.2659635028121397],
  [0.731428603316328, 0.3127556664073557],
];
const LOGF_LN2 = 0.6931471805599453;
const LOGF_POLY = [-0.25089342214237154, 0.333456765744066, -0.4999997485802103];

/** The bits of a float32 value. */
function bitsOf(x: number): number {
  F32_BITS[0] = x;
  return I32_BITS[0];
}

/** The float32 value of some bits. */
function fromBits(bits: number): number {
  I32_BITS[0] = bits;
  return F32_BITS[0];
}

/**
 * ln x as glibc's logf computes it (the scalar log of PyTorch's non-vectorised kernels, such
 * as binary_cross_entropy's): a 16-entry table of 1/c and ln c, and a cubic in z/c − 1, in double.
 */
export function libmLogf(x: number): number {
  let ix = bitsOf(x) >>> 0;
  if (ix === 0x3f800000) return 0;
  if (((ix - 0x00800000) >>> 0) >= 0x7f800000 - 0x00800000) {
    if ((ix & 0x7fffffff) === 0) return -Infinity;
    if (ix === 0x7f800000) return x;
    if (ix & 0x80000000 || (ix & 0x7fffffff) > 0x7f800000) return NaN;
    ix = (bitsOf(f32(x * 2 ** 23)) >>> 0) - (23 << 23);
  }
  const tmp = (ix - 0x3f330000) | 0;
  const i = (tmp >>> 19) % 16;
  const k = tmp >> 23;
  const z = fromBits((ix - (tmp & 0xff800000)) | 0);
  const [invc, logc] = LOGF_TABLE[i];
  const r = z * invc - 1;
  const y0 = logc + k * LOGF_LN2;
  const r2 = r * r;
  let y = LOGF_POLY[1] * r + LOGF_POLY[2];
  y = LOGF_POLY[0] * r2 + y;
  y = y * r2 + (y0 + r);
  return f32(y);
}

/** eˣ for element i of n in a PyTorch elementwise kernel: SLEEF in the vectorised blocks, the C library after them. */
export function expfAt(x: number, i: number, n: number): number {
  return i < vectorizedCount(n) ? sleefExpf(x) : libmExpf(x);
}

/** A float32 number held as an unevaluated sum hi + lo (SLEEF's "double-float"). */
interface Df {
  readonly x: number;
  readonly y: number;
}

/** x + y as a double-float, exact (dfadd2_vf2_vf_vf). */
function dfAdd2(x: number, y: number): Df {
  const r = f32(x + y);
  const v = f32(r - x);
  return { x: r, y: f32(f32(x - f32(r - v)) + f32(y - v)) };
}

/** n / d in double-float arithmetic with fused multiply-adds (dfdiv_vf2_vf2_vf2, FMA build). */
function dfDiv(n: Df, d: Df): Df {
  const t = f32(1 / d.x);
  const qx = f32(n.x * t);
  const u = fma32(t, n.x, -qx);
  const qy = fma32(-d.y, t, fma32(-d.x, t, 1));
  return { x: qx, y: fma32(qx, qy, fma32(n.y, t, u)) };
}

const F32_BITS = new Float32Array(1);
const I32_BITS = new Int32Array(F32_BITS.buffer);
const FLT_MIN = 1.1754943508222875e-38;
const LN2_HI = f32(0.69314718246459960938);
const LN2_LO = f32(-1.904654323148236017e-9);
const FOUR_THIRDS = f32(1 / 0.75);
const LOG_C = [0.3027294874, 0.3996108174, 0.666669488].map(f32);

/**
 * ln x as SLEEF's Sleef_logf8_u10 computes it with FMA (the vectorised log of PyTorch's AVX2
 * kernels): x = m·2^e with m in [0.75, 1.5), then 2·atanh((m − 1)/(m + 1)) in double-float
 * arithmetic plus e·ln 2.
 */
export function sleefLogf(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  const tiny = x < FLT_MIN;
  const d = tiny ? f32(x * 2 ** 64) : x;
  F32_BITS[0] = f32(d * FOUR_THIRDS);
  let e = ((I32_BITS[0] >> 23) & 0xff) - 0x7f;
  const m = d * 2 ** -e; // exact: only the exponent changes
  if (tiny) e -= 64;
  const sx = f32(LN2_HI * e);
  let s: Df = { x: sx, y: fma32(LN2_LO, e, fma32(LN2_HI, e, -sx)) };
  const q = dfDiv(dfAdd2(-1, m), dfAdd2(1, m));
  const x2 = f32(q.x * q.x);
  let t = LOG_C[0];
  t = fma32(t, x2, LOG_C[1]);
  t = fma32(t, x2, LOG_C[2]);
  // s + 2q, then + x²·q·t, each a double-float addition.
  const [qx, qy] = [f32(q.x * 2), f32(q.y * 2)];
  let rx = f32(s.x + qx);
  s = { x: rx, y: f32(f32(f32(f32(s.x - rx) + qx) + s.y) + qy) };
  const w = f32(f32(x2 * q.x) * t);
  rx = f32(s.x + w);
  s = { x: rx, y: f32(f32(f32(s.x - rx) + w) + s.y) };
  return f32(s.x + s.y);
}

/** x + y, double-float plus float, exact to double-float precision (dfadd2_vf2_vf2_vf). */
function dfAdd2F(x: Df, y: number): Df {
  const r = f32(x.x + y);
  const v = f32(r - x.x);
  return { x: r, y: f32(f32(f32(x.x - f32(r - v)) + f32(y - v)) + x.y) };
}

/** x + y of two double-floats (dfadd2_vf2_vf2_vf2). */
function dfAdd2Df(x: Df, y: Df): Df {
  const r = f32(x.x + y.x);
  const v = f32(r - x.x);
  return { x: r, y: f32(f32(f32(x.x - f32(r - v)) + f32(y.x - v)) + f32(x.y + y.y)) };
}

/** x + y for |x| ≥ |y| (dfadd_vf2_vf2_vf2). */
function dfAddDf(x: Df, y: Df): Df {
  const r = f32(x.x + y.x);
  return { x: r, y: f32(f32(f32(f32(x.x - r) + y.x) + x.y) + y.y) };
}

/** x · y, double-float times float (dfmul_vf2_vf2_vf, FMA build). */
function dfMulF(x: Df, y: number): Df {
  const r = f32(x.x * y);
  return { x: r, y: fma32(x.y, y, fma32(x.x, y, -r)) };
}

/** x · y of two double-floats (dfmul_vf2_vf2_vf2, FMA build). */
function dfMulDf(x: Df, y: Df): Df {
  const r = f32(x.x * y.x);
  return { x: r, y: fma32(x.x, y.y, fma32(x.y, y.x, fma32(x.x, y.x, -r))) };
}

/** x² of a double-float (dfsqu_vf2_vf2, FMA build). */
function dfSqu(x: Df): Df {
  const r = f32(x.x * x.x);
  return { x: r, y: fma32(f32(x.x + x.x), x.y, fma32(x.x, x.x, -r)) };
}

/** 1 / d of a double-float (dfrec_vf2_vf2, FMA build). */
function dfRec(d: Df): Df {
  const qx = f32(1 / d.x);
  return { x: qx, y: f32(qx * fma32(-d.y, qx, fma32(-d.x, qx, 1))) };
}

const EXPK2_C = [0.1980960224e-3, 0.1394256484e-2, 0.8333456703e-2, 0.4166637361e-1].map(f32);
const EXPK2_SIXTH = f32(0.16666665941423425);

/** eᵈ for a double-float d ≥ 0, as a double-float (SLEEF's expk2f). */
function expk2f(d: Df): Df {
  const q = rintEven(f32(f32(d.x + d.y) * R_LN2F));
  let s = dfAdd2F(d, f32(q * -L2UF));
  s = dfAdd2F(s, f32(q * -L2LF));
  let u = EXPK2_C[0];
  for (let i = 1; i < EXPK2_C.length; i++) u = fma32(u, s.x, EXPK2_C[i]);
  let t = dfAdd2F(dfMulF(s, u), EXPK2_SIXTH);
  t = dfAdd2F(dfMulDf(s, t), 0.5);
  t = dfAdd2Df(s, dfMulDf(dfSqu(s), t));
  const one = f32(1 + t.x);
  t = { x: one, y: f32(f32(f32(1 - one) + t.x) + t.y) };
  const h = q >> 1;
  const scale = (v: number) => f32(f32(v * 2 ** h) * 2 ** (q - h));
  return d.x < -104 ? { x: 0, y: 0 } : { x: scale(t.x), y: scale(t.y) };
}

/**
 * tanh x as SLEEF's Sleef_tanhf8_u10 computes it with FMA (the vectorised tanh of PyTorch's
 * AVX2 kernels): (e − 1/e) / (e + 1/e) with e = e^|x| in double-float arithmetic, ±1 beyond 8.66.
 */
export function sleefTanhf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y > f32(8.664339742)) return x < 0 ? -1 : 1;
  const d = expk2f({ x: y, y: 0 });
  const e = dfRec(d);
  const q = dfDiv(dfAddDf(d, { x: -e.x, y: -e.y }), dfAddDf(d, e));
  const r = f32(q.x + q.y);
  return x < 0 || Object.is(x, -0) ? -r : r;
}

const LOGK_T = [0.2403203547000885, 0.2851126790046692, 0.4000079929828644].map(f32);
const LOGK_C: Df = { x: f32(0.66666662693023681640625), y: f32(3.69183861259614332084311e-9) };

/** ln d for d > 0 as a double-float (SLEEF's logkf). */
function logkf(x: number): Df {
  const tiny = x < FLT_MIN;
  const d = tiny ? f32(x * 2 ** 64) : x;
  F32_BITS[0] = f32(d * FOUR_THIRDS);
  let e = ((I32_BITS[0] >> 23) & 0xff) - 0x7f;
  const m = d * 2 ** -e;
  if (tiny) e -= 64;
  const q = dfDiv(dfAdd2(-1, m), dfAdd2(1, m));
  const q2 = dfSqu(q);
  let t = LOGK_T[0];
  t = fma32(t, q2.x, LOGK_T[1]);
  t = fma32(t, q2.x, LOGK_T[2]);
  let s = dfMulF({ x: LN2_HI, y: LN2_LO }, e);
  s = dfAddDf(s, { x: f32(q.x * 2), y: f32(q.y * 2) });
  return dfAddDf(s, dfMulDf(dfMulDf(q2, q), dfAdd2Df(dfMulF(q2, t), LOGK_C)));
}

const EXPK_C = [0.00136324646882712841033936, 0.00836596917361021041870117, 0.0416710823774337768554688, 0.166665524244308471679688, 0.499999850988388061523438].map(f32);

/** e^d of a double-float d (SLEEF's expkf). */
function expkf(d: Df): number {
  const q = rintEven(f32(f32(d.x + d.y) * R_LN2F));
  let s = dfAdd2F(d, f32(q * -L2UF));
  s = dfAdd2F(s, f32(q * -L2LF));
  const sx = f32(s.x + s.y);
  s = { x: sx, y: f32(f32(s.x - sx) + s.y) };
  let u = EXPK_C[0];
  for (let i = 1; i < EXPK_C.length; i++) u = fma32(u, s.x, EXPK_C[i]);
  let t = dfAddDf(s, dfMulF(dfSqu(s), u));
  const one = f32(1 + t.x);
  t = { x: one, y: f32(f32(f32(1 - one) + t.x) + t.y) };
  if (d.x < -104) return 0;
  return f32(f32(t.x + t.y) * 2 ** q);
}

/**
 * x^y as SLEEF's Sleef_powf8_u10 computes it with FMA (PyTorch's vectorised pow):
 * e^(y·ln|x|) in double-float arithmetic, with the sign and the special cases of C's powf.
 */
export function sleefPowf(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const yIsInt = Math.trunc(y) === y || Math.abs(y) > 2 ** 24;
  const yIsOdd = yIsInt && Math.abs(y) < 2 ** 24 && Math.abs(Math.trunc(y) % 2) === 1;
  if (!Number.isFinite(x) || x === 0) {
    // 0 to a negative power and ±inf to a positive one are inf; the other two are 0.
    const magnitude = (y < 0 || Object.is(y, -0)) !== (x === 0) ? 0 : Infinity;
    return yIsOdd && (x < 0 || Object.is(x, -0)) ? -magnitude : magnitude;
  }
  if (!Number.isFinite(y)) {
    const efx = (Math.abs(x) - 1) * Math.sign(y);
    return efx < 0 ? 0 : efx === 0 ? 1 : Infinity;
  }
  let r = expkf(dfMulF(logkf(Math.abs(x)), y));
  if (Number.isNaN(r)) r = Infinity;
  const sign = x > 0 ? 1 : yIsInt ? (yIsOdd ? -1 : 1) : NaN;
  return f32(r * sign);
}
