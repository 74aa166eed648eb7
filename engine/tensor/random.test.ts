import { describe, expect, it } from 'vitest';
import { permutation, seedAfter, seededRandom } from './random';

describe('seededRandom', () => {
  it('seedAfter(seed, k) starts the stream seededRandom(seed) has after k draws, for any seed', () => {
    for (const seed of [0, 7, 42, -5, 4294967295, 2 ** 40 + 3]) {
      const a = seededRandom(seed);
      for (const k of [0, 1, 99]) {
        const b = seededRandom(seedAfter(seed, k));
        const skipped = seededRandom(seed);
        for (let i = 0; i < k; i++) skipped();
        expect([b(), b(), b()]).toEqual([skipped(), skipped(), skipped()]);
      }
      expect(a()).toBe(seededRandom(seedAfter(seed, 0))());
    }
  });

  it('seedAfter after a million permutations of 1,000 rows still continues the stream', () => {
    const draws = 1_000_000 * 999;
    expect(seedAfter(3, draws)).toBe((3 + Number((BigInt(draws) * 0x6d2b79f5n) % 2n ** 32n)) % 2 ** 32);
  });

  it('permutation(n) draws n − 1 numbers, so an epoch of shuffling moves the seed by rows − 1', () => {
    const r = seededRandom(11);
    permutation(10, r);
    const next = seededRandom(seedAfter(11, 9));
    expect(r()).toBe(next());
  });
});
