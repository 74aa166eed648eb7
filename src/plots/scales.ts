import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import { formatNumber } from '../format';

/** Width and height of a plot's drawing, and the margins kept for its axes. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

/** The default margins: room for tick labels left and below. */
const MARGIN = { top: 12, right: 16, bottom: 32, left: 56 } as const;

/** A frame of the given outer size with the default margins, never smaller than a usable plot. */
export function frame(width: number, height: number): Frame {
  return { width: Math.max(160, Math.floor(width)), height: Math.max(120, Math.floor(height)), margin: MARGIN };
}

/** The finite values of a list (inf and nan cannot be placed on an axis). */
function finiteValues(values: Iterable<number>): number[] {
  const out: number[] = [];
  for (const v of values) if (Number.isFinite(v)) out.push(v);
  return out;
}

/**
 * The [min, max] of the finite values, widened by `pad` of the span on each side; a single
 * value (or none) gets a unit-wide domain around it, so a scale never divides by zero.
 */
export function paddedExtent(values: Iterable<number>, pad = 0.05): [number, number] {
  const v = finiteValues(values);
  if (v.length === 0) return [0, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (hi - lo === 0) {
    const w = Math.abs(lo) > 0 ? Math.abs(lo) * 0.5 : 0.5;
    return [lo - w, hi + w];
  }
  const p = (hi - lo) * pad;
  return [lo - p, hi + p];
}

/** The [min, max] of the positive finite values, for a log axis; [1e-3, 1] when there are none. */
export function logExtent(values: Iterable<number>): [number, number] {
  const v = finiteValues(values).filter((x) => x > 0);
  if (v.length === 0) return [1e-3, 1];
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  if (lo === hi) {
    lo /= 2;
    hi *= 2;
  }
  return [lo, hi];
}

/** Linear or logarithmic, as the loss curve's toggle chooses. */
export type AxisScale = 'linear' | 'log';

/** A y scale over the values, mapped to the frame's plotting height (top is the largest value). */
export function yScale(values: Iterable<number>, f: Frame, kind: AxisScale = 'linear'): ScaleContinuousNumeric<number, number> {
  const range: [number, number] = [f.height - f.margin.bottom, f.margin.top];
  return kind === 'log' ? scaleLog().domain(logExtent(values)).range(range).nice() : scaleLinear().domain(paddedExtent(values)).range(range).nice();
}

/** An x scale over the values, mapped to the frame's plotting width. */
export function xScale(values: Iterable<number>, f: Frame, pad = 0): ScaleContinuousNumeric<number, number> {
  return scaleLinear().domain(paddedExtent(values, pad)).range([f.margin.left, f.width - f.margin.right]);
}

/** Whether a value can be drawn on an axis of this kind (log axes take positive values only). */
export function drawable(v: number, kind: AxisScale): boolean {
  return Number.isFinite(v) && (kind === 'linear' || v > 0);
}

/**
 * How an axis writes its tick `t`: as formatNumber does, or '' where d3 leaves a tick
 * unlabelled (the ticks between the powers of ten of a log axis).
 */
export function tickLabel(scale: ScaleContinuousNumeric<number, number>, count: number): (t: number) => string {
  const d3Label = scale.tickFormat(count);
  return (t) => (d3Label(t) === '' ? '' : formatNumber(t));
}

/** The index of the sample nearest to x among sorted xs (binary search). */
export function nearestIndex(xs: readonly number[], x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[lo] - x) <= Math.abs(xs[hi] - x) ? lo : hi;
}
