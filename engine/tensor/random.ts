/** A seeded generator of uniform numbers in [0, 1): the same seed gives the same stream everywhere. */
export type Random = () => number;

/** mulberry32: small, fast, and good enough for initialisation and shuffling. */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed whose stream continues `seed`'s after `draws` numbers (mulberry32's state advances by a constant per draw). */
export function seedAfter(seed: number, draws: number): number {
  // Both factors are taken mod 2³², so the product is the exact state mod 2³² for any count.
  return ((seed >>> 0) + Math.imul(draws % 4294967296, 0x6d2b79f5)) >>> 0;
}

/** Fills an array with uniform values in [low, high). */
export function fillUniform(out: Float64Array, low: number, high: number, rand: Random): void {
  for (let i = 0; i < out.length; i++) out[i] = low + (high - low) * rand();
}

/** Fills an array with normal values (Box–Muller). */
export function fillNormal(out: Float64Array, mean: number, std: number, rand: Random): void {
  for (let i = 0; i < out.length; i++) {
    const u = 1 - rand();
    const v = rand();
    out[i] = mean + std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** A seeded Fisher–Yates permutation of 0..n-1. */
export function permutation(n: number, rand: Random): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
