import { type AxisScale, drawable } from './scales';

/** One point of the loss curve: the epoch (from 1) and the loss. */
export interface LossPoint {
  readonly epoch: number;
  readonly loss: number;
}

/** At most this many points are drawn per series; longer histories are thinned evenly (the last point is kept). */
const MAX_DRAWN = 2000;

/**
 * The points of a loss history that can be drawn on this kind of axis, thinned to at most
 * `max` points; inf, nan (and, on a log axis, values ≤ 0; a missing test loss) are left out,
 * not drawn as zero. `epochs` gives each point's epoch (a sampled history); else they count from 1.
 */
export function lossPoints(history: readonly (number | null)[], kind: AxisScale, max = MAX_DRAWN, epochs?: readonly number[]): LossPoint[] {
  const n = history.length;
  const stride = n > max ? Math.ceil(n / max) : 1;
  const out: LossPoint[] = [];
  const at = (i: number) => epochs?.[i] ?? i + 1;
  const ok = (v: number | null): v is number => v !== null && drawable(v, kind);
  for (let i = 0; i < n; i += stride) {
    const v = history[i];
    if (ok(v)) out.push({ epoch: at(i), loss: v });
  }
  const last = n - 1;
  const lastValue = history[last];
  if (n > 0 && last % stride !== 0 && ok(lastValue)) out.push({ epoch: at(last), loss: lastValue });
  return out;
}

/** A loss the axis cannot place (inf, nan; on a log axis also ≤ 0), drawn as a marker at the plot's top or bottom edge. */
export interface EdgePoint {
  readonly epoch: number;
  readonly loss: number;
  readonly edge: 'top' | 'bottom';
}

/**
 * The losses of a history that `lossPoints` leaves off this kind of axis, so the plot can
 * mark them at the edge instead of dropping them silently: inf and nan at the top, -inf (and
 * on a log axis 0 or less) at the bottom; thinned evenly to at most `max`, the first kept.
 */
export function edgePoints(history: readonly (number | null)[], kind: AxisScale, max = 200, epochs?: readonly number[]): EdgePoint[] {
  const all: EdgePoint[] = [];
  history.forEach((v, i) => {
    if (v === null || drawable(v, kind)) return;
    all.push({ epoch: epochs?.[i] ?? i + 1, loss: v, edge: Number.isNaN(v) || v === Infinity ? 'top' : 'bottom' });
  });
  if (all.length <= max) return all;
  const stride = Math.ceil(all.length / max);
  return all.filter((_, k) => k % stride === 0);
}
