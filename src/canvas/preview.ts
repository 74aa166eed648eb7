import { formatNumber } from '../format';

/** How a tensor is drawn on a node: a number, a sparkline, a heat map, or nothing (no elements). */
export type PreviewKind = 'scalar' | 'vector' | 'matrix' | 'empty';

/** Width and height of a node's sparkline, in px; the node is a fixed width so these are too. */
export const SPARK_SIZE = { width: 116, height: 22 } as const;

/** The most cells a heat map draws along one axis; bigger matrices are averaged in blocks. */
const HEAT_MAX_CELLS = 16;

/** The most numbers written into a node's title and data-value (tests read larger tensors from the test hook). */
export const MAX_LISTED = 1024;

/**
 * Picks the drawing for a shape. Axes of length 1 are ignored, so a [17, 1] column reads as a
 * sparkline and a [1] tensor as a number, which is what a person expects to see.
 */
export function previewKind(shape: readonly number[]): PreviewKind {
  if (shape.some((d) => d === 0)) return 'empty';
  const axes = shape.filter((d) => d !== 1);
  if (axes.length === 0) return 'scalar';
  return axes.length === 1 ? 'vector' : 'matrix';
}

/** Rows and columns of a matrix preview: every axis but the last is folded into rows. */
export function matrixDims(shape: readonly number[]): { rows: number; cols: number } {
  const axes = shape.filter((d) => d !== 1);
  const cols = axes[axes.length - 1] ?? 1;
  const size = axes.reduce((p, d) => p * d, 1);
  return { rows: size / cols, cols };
}

/** A sparkline: its SVG path, where y = 0 falls (null when 0 is outside the range), and the range. */
export interface Sparkline {
  readonly path: string;
  readonly zeroY: number | null;
  readonly min: number;
  readonly max: number;
}

/**
 * The SVG path of a vector in a `width`×`height` box, bottom = min, top = max, or on the
 * fixed scale `scale.lo` … `scale.hi` when it is given (a node's preview, so a doubled
 * gradient looks doubled). Long vectors keep each bucket's min and max so spikes stay visible;
 * non-finite values break the line.
 */
export function sparkline(data: ArrayLike<number>, width: number = SPARK_SIZE.width, height: number = SPARK_SIZE.height, scale?: { lo: number; hi: number }): Sparkline {
  const n = data.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = data[i];
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min > max) return { path: '', zeroY: null, min: NaN, max: NaN };
  const pad = 2;
  const lo = scale === undefined ? min : scale.lo;
  const span = scale === undefined ? max - min : scale.hi - scale.lo;
  const y = (v: number) => round(span === 0 ? height / 2 : pad + (height - 2 * pad) * (1 - (v - lo) / span));
  const x = (i: number) => round(n === 1 ? width / 2 : (i / (n - 1)) * width);
  const points: [number, number][] = [];
  const buckets = Math.floor(width);
  if (n <= 2 * buckets) {
    for (let i = 0; i < n; i++) points.push([i, data[i]]);
  } else {
    for (let b = 0; b < buckets; b++) {
      const from = Math.floor((b * n) / buckets);
      const to = Math.floor(((b + 1) * n) / buckets);
      let lo = from;
      let hi = from;
      for (let i = from; i < to; i++) {
        if (!(data[i] >= data[lo])) lo = i;
        if (!(data[i] <= data[hi])) hi = i;
      }
      if (lo === hi) points.push([lo, data[lo]]);
      else for (const i of lo < hi ? [lo, hi] : [hi, lo]) points.push([i, data[i]]);
    }
  }
  // Non-finite values split the line; a lone point between them still shows as a dot.
  let path = '';
  let run = 0;
  const endRun = () => {
    if (run === 1) path += 'h0.01';
    run = 0;
  };
  for (const [i, v] of points) {
    if (!Number.isFinite(v)) {
      endRun();
      continue;
    }
    path += `${run > 0 ? 'L' : 'M'}${x(i)} ${y(v)}`;
    run++;
  }
  endRun();
  const zeroY = scale !== undefined ? (scale.lo <= 0 && scale.hi >= 0 ? y(0) : null) : min <= 0 && max >= 0 && span > 0 ? y(0) : null;
  return { path, zeroY, min, max };
}

/** One cell of a heat map: its row, column and the (block-averaged) value. */
export interface HeatCell {
  readonly row: number;
  readonly col: number;
  readonly value: number;
}

/** A heat map: grid size, its cells, and the largest magnitude (the colour scale's end). */
export interface HeatMap {
  readonly rows: number;
  readonly cols: number;
  readonly cells: readonly HeatCell[];
  readonly maxAbs: number;
}

/**
 * The cells of a rows×cols matrix, row-major. Above `maxCells` per axis, blocks are averaged
 * (a NaN anywhere in a block makes the cell NaN, so a diverged value is never hidden).
 */
export function heatMap(data: ArrayLike<number>, rows: number, cols: number, maxCells: number = HEAT_MAX_CELLS): HeatMap {
  const gr = Math.min(rows, maxCells);
  const gc = Math.min(cols, maxCells);
  const cells: HeatCell[] = [];
  let maxAbs = 0;
  for (let r = 0; r < gr; r++) {
    const r0 = Math.floor((r * rows) / gr);
    const r1 = Math.floor(((r + 1) * rows) / gr);
    for (let c = 0; c < gc; c++) {
      const c0 = Math.floor((c * cols) / gc);
      const c1 = Math.floor(((c + 1) * cols) / gc);
      let sum = 0;
      for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) sum += data[i * cols + j];
      const value = sum / ((r1 - r0) * (c1 - c0));
      if (Number.isFinite(value)) maxAbs = Math.max(maxAbs, Math.abs(value));
      cells.push({ row: r, col: c, value });
    }
  }
  return { rows: gr, cols: gc, cells, maxAbs };
}

/**
 * A diverging colour: blue for negative, white at 0, red for positive, scaled by `maxAbs`
 * (a sign reads at a glance, as in a gradient map). NaN is grey; ±Infinity is full colour.
 */
export function heatColor(value: number, maxAbs: number): string {
  if (Number.isNaN(value)) return 'rgb(134, 142, 150)';
  const t = maxAbs > 0 && Number.isFinite(value) ? Math.min(1, Math.abs(value) / maxAbs) : value === 0 ? 0 : 1;
  const [r, g, b] = value < 0 ? [59, 91, 219] : [224, 49, 49];
  const mix = (end: number) => Math.round(248 + (end - 248) * t);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/** A tensor's numbers as text, `[a, b, …]` (a scalar bare), listing up to `limit` of them; `more` words how many are left out. */
export function listNumbers(shape: readonly number[], data: ArrayLike<number>, limit: number = MAX_LISTED, more: (count: number) => string = (n) => `… ${n} more`): string {
  if (shape.length === 0) return formatNumber(data[0]);
  const shown: string[] = [];
  for (let i = 0; i < Math.min(limit, data.length); i++) shown.push(formatNumber(data[i]));
  if (data.length > limit) shown.push(more(data.length - limit));
  return `[${shown.join(', ')}]`;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
