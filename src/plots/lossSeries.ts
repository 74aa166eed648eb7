import { type AxisScale, drawable } from './scales';

/** One point of the loss curve: the epoch (from 1) and the loss. */
export interface LossPoint {
  readonly epoch: number;
  readonly loss: number;
}

/** At most this many points are drawn per series; longer histories are thinned evenly (the last point is kept). */
export const MAX_DRAWN = 2000;

/**
 * The points of a loss history that can be drawn on this kind of axis, thinned to at most
 * `max` points; inf, nan (and, on a log axis, values ≤ 0) are left out, not drawn as zero.
 */
export function lossPoints(history: readonly number[], kind: AxisScale, max = MAX_DRAWN): LossPoint[] {
  const n = history.length;
  const stride = n > max ? Math.ceil(n / max) : 1;
  const out: LossPoint[] = [];
  for (let i = 0; i < n; i += stride) if (drawable(history[i], kind)) out.push({ epoch: i + 1, loss: history[i] });
  const last = n - 1;
  if (n > 0 && last % stride !== 0 && drawable(history[last], kind)) out.push({ epoch: n, loss: history[last] });
  return out;
}
