import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { formatNumber } from '../format';

/** Width and height of a plot's drawing, and the margins kept for its axes. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

/** The default margins: room for tick labels left and below, and above for the y axis's title (Axes draws it there, clear of the tick labels). */
const MARGIN = { top: 24, right: 16, bottom: 32, left: 56 } as const;

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

/** How far apart the smallest and largest loss may be before the loss axis turns logarithmic. */
export const LOG_SPAN = 1e4;

/**
 * The scale that keeps a loss curve readable: log when every finite value is positive and the
 * largest is more than LOG_SPAN times the smallest (a diverging run reaching 1e305 is not a
 * flat line), else linear.
 */
export function autoScale(values: Iterable<number>): AxisScale {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of finiteValues(values)) {
    if (v <= 0) return 'linear';
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi / lo > LOG_SPAN ? 'log' : 'linear';
}

/**
 * A frame whose left margin fits the widest y tick label and the gap to the plot: labels
 * estimated at `charWidth` px per character (a generous width for the 10 px tick font), so
 * no tick label is cut off at the left edge. Only widens, never narrows.
 */
export function fitTickLabels(f: Frame, labels: readonly string[], charWidth = 6.5): Frame {
  const widest = Math.max(0, ...labels.map((l) => l.length)) * charWidth;
  const left = Math.ceil(widest + 6 + 8);
  return left <= f.margin.left ? f : { ...f, margin: { ...f.margin, left } };
}

/** The labels a y axis shows for its ticks (as Axes draws them), to size the frame's left margin. */
export function yTickLabels(y: ScaleContinuousNumeric<number, number>, count = 5): string[] {
  const label = tickLabel(y, count);
  return y.ticks(count).map(label);
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

/** Where a growing axis may end, as a share of a power of ten: the curve fills at least two thirds of the axis. */
const AXIS_STEPS = [1, 1.5, 2, 3, 4, 5, 6, 8, 10] as const;

/**
 * The end of the epoch axis while a run trains: the next round number at or past the latest
 * epoch (so the axis, and the curve drawn against it, stay put for many frames), but not
 * past the run's last epoch `planned`, where the axis of a finished run ends.
 */
export function runningAxisEnd(latest: number, planned: number): number {
  if (!(latest > 2)) return 2;
  const decade = 10 ** Math.floor(Math.log10(latest));
  const step = AXIS_STEPS.find((s) => s * decade >= latest) ?? 10;
  return Math.max(latest, Math.min(step * decade, planned));
}
