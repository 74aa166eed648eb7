import type { OptimizerStateSample } from '../session/runHistory';

/** Which optimizer state a series shows. */
export type StateKind = 'momentumBuffer' | 'expAvg' | 'expAvgSq';

/** Every state kind in display order. */
const STATE_KINDS: readonly StateKind[] = ['momentumBuffer', 'expAvg', 'expAvgSq'];

/** One line of the optimizer-state plot: one element of one state of one parameter over the epochs. */
export interface StateSeries {
  readonly kind: StateKind;
  readonly index: number;
  readonly points: readonly { readonly epoch: number; readonly v: number }[];
}

type Trail = readonly { readonly epoch: number; readonly state: Readonly<Record<string, OptimizerStateSample>> }[];

/** The parameters (`node.name`) that have any optimizer state in the trail, in first-seen order. */
export function statefulParams(trail: Trail): string[] {
  const out = new Set<string>();
  for (const s of trail) for (const [k, v] of Object.entries(s.state)) if (STATE_KINDS.some((kind) => v[kind] !== undefined)) out.add(k);
  return [...out];
}

/** The series of one parameter: each state it has, element by element (at most `maxElements` each), non-finite values dropped. */
export function stateSeries(trail: Trail, param: string, maxElements = 8): StateSeries[] {
  const out: StateSeries[] = [];
  for (const kind of STATE_KINDS) {
    const width = Math.min(maxElements, Math.max(0, ...trail.map((s) => s.state[param]?.[kind]?.length ?? 0)));
    for (let i = 0; i < width; i++) {
      const points: { epoch: number; v: number }[] = [];
      for (const s of trail) {
        const v = s.state[param]?.[kind]?.[i];
        if (v !== undefined && Number.isFinite(v)) points.push({ epoch: s.epoch, v });
      }
      if (points.length > 0) out.push({ kind, index: i, points });
    }
  }
  return out;
}
