import { type AxisScale, drawable } from './scales';

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
