import { f32 } from './float32';
import { logAvx, sinCosAvx } from './avxMathfun';

/**
 * PyTorch's CPU random generator (`torch.manual_seed`, `torch.randn`), reproduced: the 32-bit
 * Mersenne Twister (at::mt19937) and the ways ATen 1.13 turns its numbers into normal samples —
 * one at a time with a cached second sample (normal_distribution<double>) below 16 elements,
 * and from 16 on in blocks of 16 (normal_fill: float64 with libm, float32 with AVX2 code).
 */
export class TorchGenerator {
  private readonly mt = new Uint32Array(624);
  private index = 624;
  /** normal_distribution's second Box–Muller sample, kept for the next draw (next_double_normal_sample). */
  private nextNormal: number | null = null;

  /** `torch.manual_seed(seed)`: the generator restarted from `seed`. */
  constructor(seed: number) {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  /** The next 32-bit number (CPUGeneratorImpl::random). */
  random(): number {
    const mt = this.mt;
    if (this.index >= 624) {
      for (let i = 0; i < 624; i++) {
        const y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff);
        mt[i] = mt[(i + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A uniform double in [0, 1) from 53 bits of random64 (two draws, the first the high half). */
  uniformDouble(): number {
    const hi = this.random();
    const lo = this.random();
    return ((hi & 0x1fffff) * 4294967296 + lo) / 9007199254740992;
  }

  /** A uniform float in [0, 1) from 24 bits of one draw. */
  uniformFloat(): number {
    return (this.random() & 0xffffff) / 16777216;
  }

  /** One standard normal sample as normal_distribution<double> draws it, using the cached one first. */
  private normalDouble(): number {
    if (this.nextNormal !== null) {
      const v = this.nextNormal;
      this.nextNormal = null;
      return v;
    }
    const u1 = this.uniformDouble();
    const u2 = this.uniformDouble();
    const r = Math.sqrt(-2 * Math.log(1 - u2));
    const theta = 2 * Math.PI * u1;
    this.nextNormal = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /**
   * `tensor.uniform_(low, high)` of n numbers (`torch.rand` is uniform_(0, 1)): each from one
   * draw (float32: 24 bits of random(); float64: 53 bits of random64), scaled in double and
   * rounded to the type, as ATen's uniform kernel does.
   */
  uniform(n: number, low: number, high: number, dtype: 'float32' | 'float64'): Float64Array {
    const out = new Float64Array(n);
    const [from, to] = dtype === 'float32' ? [f32(low), f32(high)] : [low, high];
    for (let i = 0; i < n; i++) {
      const u = dtype === 'float32' ? this.uniformFloat() : this.uniformDouble();
      out[i] = dtype === 'float32' ? f32(u * (to - from) + from) : u * (to - from) + from;
    }
    return out;
  }

  /**
   * `torch.randn(n)`: float32 numbers exactly as PyTorch draws them; float64 ones to the last
   * bit or two (glibc's and JavaScript's log, sin and cos can differ there).
   */
  randn(n: number, dtype: 'float32' | 'float64'): Float64Array {
    const out = new Float64Array(n);
    if (n < 16) {
      for (let i = 0; i < n; i++) out[i] = dtype === 'float32' ? f32(this.normalDouble()) : this.normalDouble();
      return out;
    }
    const uniform = dtype === 'float32' ? () => this.uniformFloat() : () => this.uniformDouble();
    const fill = dtype === 'float32' ? normalFill16Avx2 : normalFill16;
    for (let i = 0; i < n; i++) out[i] = uniform();
    for (let i = 0; i + 16 <= n; i += 16) fill(out, i);
    if (n % 16 !== 0) {
      // ATen redraws the last 16 values and transforms them again.
      for (let i = n - 16; i < n; i++) out[i] = uniform();
      fill(out, n - 16);
    }
    return out;
  }
}

/** Box–Muller on 16 float32 uniforms in place, as normal_fill_16_AVX2 (radius √(−2 log(1 − u)), angle 2π·u). */
function normalFill16Avx2(data: Float64Array, at: number): void {
  const twoPi = f32(2 * Math.PI);
  for (let j = 0; j < 8; j++) {
    const radius = f32(Math.sqrt(f32(-2 * logAvx(f32(1 - data[at + j])))));
    const [sin, cos] = sinCosAvx(f32(twoPi * data[at + j + 8]));
    data[at + j] = f32(radius * cos);
    data[at + j + 8] = f32(radius * sin);
  }
}

/** Box–Muller on 16 uniforms in place: the first eight give the radii, the last eight the angles. */
function normalFill16(data: Float64Array, at: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - data[at + j];
    const u2 = data[at + j + 8];
    const radius = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    data[at + j] = radius * Math.cos(theta);
    data[at + j + 8] = radius * Math.sin(theta);
  }
}
