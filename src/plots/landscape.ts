import { contours, type ContourMultiPolygon } from 'd3-contour';
import type { Program } from '../../engine';
import type { ParamValues } from '../session/runHistory';
import type { RunState } from '../session/types';
import type { ParamElement } from './paramChoices';

/** The window of the two parameters the contour map covers. */
export interface Window2 {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

/** The loss sampled on an n×n grid over a window; `values[j * n + i]` is at (xs[i], ys[j]). */
export interface LossGrid {
  readonly n: number;
  readonly window: Window2;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly values: Float64Array;
  /** Smallest and largest finite loss on the grid. */
  readonly min: number;
  readonly max: number;
}

/** One point of the descent trail in the plane of the two chosen parameters. */
export interface TrailPoint {
  readonly epoch: number;
  readonly x: number;
  readonly y: number;
}

/** The centres of n equal cells over [lo, hi]: where d3-contour places its samples. */
export function cellCentres(lo: number, hi: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const w = (hi - lo) / n;
  for (let i = 0; i < n; i++) out[i] = lo + (i + 0.5) * w;
  return out;
}

/** Rounds an interval outward to a step of half a power of ten of its width, so small moves keep the same window. */
export function roundOut(lo: number, hi: number): [number, number] {
  const span = hi - lo;
  const step = 10 ** Math.floor(Math.log10(span)) / 2;
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

/**
 * A window around the given points (the start, the trail, the current point), padded so
 * the descent sits inside the map with room around it, and rounded so it changes rarely.
 */
export function windowAround(points: readonly (readonly [number, number])[]): Window2 {
  const axis = (k: 0 | 1): [number, number] => {
    const v = points.map((p) => p[k]).filter(Number.isFinite);
    if (v.length === 0) return [-1, 1];
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const pad = Math.max((hi - lo) * 0.35, Math.max(Math.abs(lo), Math.abs(hi)), 1);
    return roundOut(lo - pad, hi + pad);
  };
  return { x: axis(0), y: axis(1) };
}

/**
 * Samples the loss over the window by setting the two parameter elements of `program` (the
 * session's own, lent through `withScratch`, which puts every buffer back) and running
 * forward; the elements get their values back.
 */
export function lossGrid(program: Program, a: ParamElement, b: ParamElement, window: Window2, n: number): LossGrid {
  const pa = findParam(program, a);
  const pb = findParam(program, b);
  const savedA = pa[a.index];
  const savedB = pb[b.index];
  const xs = cellCentres(window.x[0], window.x[1], n);
  const ys = cellCentres(window.y[0], window.y[1], n);
  const values = new Float64Array(n * n);
  let min = Infinity;
  let max = -Infinity;
  try {
    for (let j = 0; j < n; j++) {
      pb[b.index] = ys[j];
      for (let i = 0; i < n; i++) {
        pa[a.index] = xs[i];
        program.forward();
        const v = program.lossValue();
        values[j * n + i] = v;
        if (Number.isFinite(v)) {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
    }
  } finally {
    pa[a.index] = savedA;
    pb[b.index] = savedB;
    program.forward();
  }
  if (!Number.isFinite(min)) {
    min = 0;
    max = 1;
  }
  // Contours need finite samples: inf and nan sit above every level.
  for (let k = 0; k < values.length; k++) if (!Number.isFinite(values[k])) values[k] = max;
  return { n, window, xs, ys, values, min, max };
}

function findParam(program: Program, e: ParamElement): Float64Array {
  const p = program.params.find((q) => q.node === e.node && q.name === e.name);
  if (!p || e.index >= p.value.length) throw new Error(`no parameter element ${e.label}`);
  return p.value;
}

/**
 * Contour levels over [min, max]: geometric when the loss spans more than a factor of ten
 * (a bowl's floor would otherwise get no lines), evenly spaced otherwise.
 */
export function contourLevels(min: number, max: number, count = 16): number[] {
  if (!(max > min)) return [min];
  const out: number[] = [];
  if (wideRange(min, max)) {
    const r = Math.log(max / min);
    for (let k = 0; k < count; k++) out.push(min * Math.exp((r * (k + 0.5)) / count));
  } else {
    for (let k = 0; k < count; k++) out.push(min + ((max - min) * (k + 0.5)) / count);
  }
  return out;
}

/** Whether a loss range is wide enough for geometric levels and a log colour scale. */
export function wideRange(min: number, max: number): boolean {
  return min > 0 && max / min > 10;
}

/** The iso-loss polygons of a grid, in grid coordinates ([0, n] on both axes). */
export function lossContours(grid: LossGrid, count = 16): ContourMultiPolygon[] {
  return contours().size([grid.n, grid.n]).thresholds(contourLevels(grid.min, grid.max, count))(Array.from(grid.values));
}

/** The trail in the plane of two parameter elements; samples missing either (or not finite) are skipped. */
export function projectTrail(
  trail: readonly { readonly epoch: number; readonly params: ParamValues }[],
  a: Pick<ParamElement, 'param' | 'index'>,
  b: Pick<ParamElement, 'param' | 'index'>,
): TrailPoint[] {
  const out: TrailPoint[] = [];
  for (const s of trail) {
    const x = s.params[a.param]?.[a.index];
    const y = s.params[b.param]?.[b.index];
    if (x !== undefined && y !== undefined && Number.isFinite(x) && Number.isFinite(y)) out.push({ epoch: s.epoch, x, y });
  }
  return out;
}

/** A linear map from a parameter value to a pixel along one axis (a d3 linear scale). */
export type AxisScale = (v: number) => number;

/** The gradient arrow on the contour map: from the current point (x1, y1) towards (x2, y2), in pixels. */
export interface GradientArrow {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** The gradient (∂L/∂a, ∂L/∂b) the arrow draws. */
  readonly grad: readonly [number, number];
}

/**
 * Whether the parameters' `.grad` is the gradient at their current values: a Backward ran
 * and nothing has moved them since (a Forward keeps it; a training step's update, or a run
 * under way, leaves the gradient of the point before).
 */
export function gradientIsCurrent(run: Pick<RunState, 'backwardFrom' | 'lastRun'>): boolean {
  return run.backwardFrom !== null && (run.lastRun?.type === 'backward' || run.lastRun?.type === 'forward' || run.lastRun?.type === 'zeroGrad');
}

/** The gradient of the loss for two parameter elements, as the program's `.grad` holds it; null when an element is missing. */
export function gradientAt(program: Program, a: ParamElement, b: ParamElement): [number, number] | null {
  const ga = program.params.find((q) => q.node === a.node && q.name === a.name)?.grad[a.index];
  const gb = program.params.find((q) => q.node === b.node && q.name === b.name)?.grad[b.index];
  return ga === undefined || gb === undefined ? null : [ga, gb];
}

/**
 * The arrow of the gradient ∇L = (ga, gb) at the point `here`: it points where the gradient
 * points in the parameters' own units (uphill; a descent step goes the opposite way), and is
 * `length` pixels long whatever the gradient's size, so a steep and a gentle slope both read.
 * Null when the gradient is zero or not finite (no direction to draw).
 */
export function gradientArrow(here: readonly [number, number], grad: readonly [number, number], x: AxisScale, y: AxisScale, length: number): GradientArrow | null {
  const [ga, gb] = grad;
  if (!Number.isFinite(ga) || !Number.isFinite(gb) || (ga === 0 && gb === 0)) return null;
  const x1 = x(here[0]);
  const y1 = y(here[1]);
  // The gradient's direction in pixels: each component times its axis's pixels per unit (the scales are linear).
  const dx = ga * (x(1) - x(0));
  const dy = gb * (y(1) - y(0));
  const norm = Math.hypot(dx, dy);
  if (!(norm > 0) || !Number.isFinite(norm)) return null;
  return { x1, y1, x2: x1 + (dx / norm) * length, y2: y1 + (dy / norm) * length, grad: [ga, gb] };
}
