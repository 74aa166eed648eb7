import { formatNumber } from '../format';

/** The smallest and largest finite elements of a tensor (NaN for both when there are none). */
export function finiteRange(data: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min > max ? { min: NaN, max: NaN } : { min, max };
}

/**
 * The end of a preview's fixed scale: the smallest 1, 2 or 5 × 10ⁿ at or above the largest
 * magnitude, so the scale moves in steps a learner can read (x.grad = 4x spans ±10, after a
 * second Backward ±20) and a doubled tensor never looks the same as the one before.
 */
export function scaleBound(maxAbs: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(maxAbs)) return 1;
  const p = 10 ** Math.floor(Math.log10(maxAbs));
  for (const m of [1, 2, 5, 10]) {
    // A tiny tolerance keeps 8 ≤ 10 and 2 ≤ 2 from tipping over on rounding.
    if (maxAbs <= m * p * (1 + 1e-12)) return m * p;
  }
  return 10 * p;
}

/** The first elements of a tensor as text, as many as fit in `maxChars` characters (`-2, -1.75, …`). */
export function leadingNumbers(data: ArrayLike<number>, maxChars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < data.length; i++) {
    const text = formatNumber(data[i]);
    const more = i < data.length - 1 ? 3 : 0; // room for ", …"
    const next = length + (parts.length > 0 ? 2 : 0) + text.length;
    if (parts.length > 0 && next + more > maxChars) return `${parts.join(', ')}, …`;
    parts.push(text);
    length = next;
  }
  return parts.join(', ');
}
