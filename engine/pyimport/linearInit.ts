import type { Dtype } from '../tensor/float32';
import type { TorchGenerator } from '../tensor/torchRandom';

/**
 * nn.Linear's own initialisation in PyTorch 1.13, drawn from the script's generator (after
 * `torch.manual_seed`): `kaiming_uniform_(weight, a=√5)` — uniform in ±gain·√(3/in) with
 * gain = √(2/(1 + a²)) — then the bias uniform in ±1/√in, each element as ATen's
 * uniform_real_distribution draws it (53 bits of two draws in float64, 24 bits of one in
 * float32, then `x·(to − from) + from` in the tensor's type).
 */
export function linearInit(generator: TorchGenerator, inFeatures: number, outFeatures: number, dtype: Dtype): { weight: number[]; bias: number[] } {
  const a = Math.sqrt(5);
  const gain = Math.sqrt(2 / (1 + a ** 2));
  const weightBound = Math.sqrt(3) * (gain / Math.sqrt(inFeatures));
  const biasBound = 1 / Math.sqrt(inFeatures);
  return { weight: uniform(generator, inFeatures * outFeatures, weightBound, dtype), bias: uniform(generator, outFeatures, biasBound, dtype) };
}

/** `tensor.uniform_(-bound, bound)` of `n` elements. */
function uniform(generator: TorchGenerator, n: number, bound: number, dtype: Dtype): number[] {
  const out = new Array<number>(n);
  if (dtype === 'float64') {
    // ATen computes x·(to − from) + from with a fused multiply-add: one rounding.
    for (let i = 0; i < n; i++) out[i] = fma(generator.uniformDouble(), bound - -bound, -bound);
    return out;
  }
  const f = Math.fround;
  const from = f(-bound);
  const span = f(f(bound) - from);
  // ATen computes it with a fused multiply-add (x·span is exact in float64; one rounding to float32 after the add).
  for (let i = 0; i < n; i++) out[i] = f(generator.uniformFloat() * span + from);
  return out;
}

/** Splits a double into a high part of 26 bits and the rest (Veltkamp), for exact products. */
function split(a: number): [number, number] {
  const c = 134217729 * a; // 2^27 + 1
  const hi = c - (c - a);
  return [hi, a - hi];
}

/**
 * a·b + c with one rounding, as a hardware fused multiply-add gives it: the exact product
 * as a sum of two doubles (Dekker), added to c with the rounding errors carried (Knuth's
 * two-sum), which is exact for the magnitudes here (|a| < 1, |c| ≤ |b|).
 */
function fma(a: number, b: number, c: number): number {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const e = ah * bh - p + ah * bl + al * bh + al * bl;
  const s = p + c;
  const v = s - p;
  const t = p - (s - v) + (c - v);
  return s + (t + e);
}
