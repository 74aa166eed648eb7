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
