import { formatExponent, formatNumber, formatNumberWithin } from '../format';

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

/** A preview plot's fixed vertical range, from `lo` at the bottom to `hi` at the top. */
export interface PlotScale {
  readonly lo: number;
  readonly hi: number;
}

/** True when a scale is ±hi around zero (labelled `±hi`); otherwise it is labelled with its two ends. */
export function isCentred(scale: PlotScale): boolean {
  return scale.lo === -scale.hi;
}

/**
 * A node's plot range, chosen from its data so the line is visible and moves in steps a learner
 * can read. Data on both sides of 0 (and every heat map, `centred`): ±scaleBound, so a doubled
 * gradient gets a doubled scale (x.grad = 4x: ±10, then ±20). Data of one sign near 0: from 0 to
 * scaleBound on that side. Data far from 0 (heights 166 … 176): the 10ⁿ steps around it
 * (160 … 180), where ±200 would draw a flat line.
 */
export function plotScale(min: number, max: number, centred = false): PlotScale {
  const maxAbs = Math.max(Math.abs(min), Math.abs(max));
  if (centred || !(maxAbs > 0) || !Number.isFinite(maxAbs) || (min < 0 && max > 0)) {
    const bound = scaleBound(maxAbs);
    return { lo: -bound, hi: bound };
  }
  const span = max - min;
  if (span > 0 && Math.min(Math.abs(min), Math.abs(max)) > span) {
    const step = 10 ** Math.floor(Math.log10(span));
    // A tiny tolerance keeps 160 / 10 from flooring to 15.
    return { lo: tidy(Math.floor(min / step + 1e-9) * step), hi: tidy(Math.ceil(max / step - 1e-9) * step) };
  }
  return min >= 0 ? { lo: 0, hi: scaleBound(max) } : { lo: -scaleBound(-min), hi: 0 };
}

/**
 * A tensor's min and max as text that fits `maxChars` characters together, so the node's
 * min/max line never wraps: both with the most significant digits that fit (the same number
 * for both), in plain decimals or else in exponent form; each at its shortest when even that
 * does not fit.
 */
export function rangeTexts(min: number, max: number, maxChars: number): { min: string; max: string } {
  for (const form of [formatNumber, formatExponent]) {
    for (let d = 6; d >= 1; d--) {
      const texts = { min: form(min, d), max: form(max, d) };
      if (texts.min.length + texts.max.length <= maxChars) return texts;
    }
  }
  return { min: formatNumberWithin(min, 0), max: formatNumberWithin(max, 0) };
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

// Rounds away binary noise from a multiple of a power of ten (0.1 · 3 = 0.30000000000000004).
function tidy(v: number): number {
  return Number(v.toPrecision(12));
}
