import { type FileHistory, type FileNumber, fromFileNumber, historyLossCount, MAX_HISTORY_LOSSES, MAX_HISTORY_TRAIL, MAX_TRAIL_ELEMENTS, toFileNumber } from '../../engine';

// The model's history as the document keeps it (engine/format/schema.ts, historySchema):
// one curve for stepped steps and training runs, bounded so writing it once a second stays cheap.

/** Parameter values keyed `node.name` (`linear.weight`, `W.value`), flattened row-major. */
export type ParamValues = Readonly<Record<string, readonly number[]>>;

/** Optimizer state of one parameter at one moment, for the optimizer-state plot. */
export interface OptimizerStateSample {
  readonly momentumBuffer?: readonly number[];
  readonly expAvg?: readonly number[];
  readonly expAvgSq?: readonly number[];
}

/** One point of the descent trail: the parameters after `epoch` epochs. */
export interface TrailPoint {
  readonly epoch: number;
  readonly params: ParamValues;
}

/** One point of the optimizer-state trail. */
export interface OptimizerTrailPoint {
  readonly epoch: number;
  readonly state: Readonly<Record<string, OptimizerStateSample>>;
}

/** A model that has not trained yet. */
export const EMPTY_HISTORY: FileHistory = { epochs: 0, loss: [], trail: [] };

const fileNumbers = (v: readonly number[]): FileNumber[] => v.slice(0, MAX_TRAIL_ELEMENTS).map(toFileNumber);

/**
 * The history after `losses.length` more epochs. `testLosses` are the same epochs' test
 * losses when a test split is bound (shorter or empty when not). Every epoch is kept until
 * the list would pass MAX_HISTORY_LOSSES; then every other point goes and only every
 * `lossEvery`-th epoch is added, besides the latest.
 */
export function appendLosses(h: FileHistory, losses: readonly number[], testLosses: readonly number[] = []): FileHistory {
  if (losses.length === 0) return h;
  let every = h.lossEvery ?? 1;
  let epochs = h.epochs;
  const loss = h.loss.slice();
  let test: (FileNumber | null)[] | null = h.testLoss ? h.testLoss.slice() : testLosses.length > 0 ? loss.map(() => null) : null;
  const onGrid = (e: number) => (e - 1) % every === 0;
  // The latest epoch is kept even off the grid; it is replaced by the next latest.
  if (epochs > 0 && !onGrid(epochs)) {
    loss.pop();
    test?.pop();
  }
  let last: FileNumber = 0;
  let lastTest: FileNumber | null = null;
  for (let i = 0; i < losses.length; i++) {
    epochs++;
    last = toFileNumber(losses[i]);
    lastTest = i < testLosses.length ? toFileNumber(testLosses[i]) : null;
    if (!onGrid(epochs)) continue;
    loss.push(last);
    test?.push(lastTest);
    if (loss.length > MAX_HISTORY_LOSSES) {
      const keep = (_: unknown, k: number) => k % 2 === 0;
      loss.splice(0, loss.length, ...loss.filter(keep));
      test = test ? test.filter(keep) : null;
      every *= 2;
    }
  }
  if (!onGrid(epochs)) {
    loss.push(last);
    test?.push(lastTest);
  }
  const { lossEvery: _drop, testLoss: _old, ...rest } = h;
  return { ...rest, epochs, ...(every > 1 ? { lossEvery: every } : {}), loss, ...(test ? { testLoss: test } : {}) };
}

/** Drops every second point (keeping the first and the latest) until at most `max` remain. */
function thin<T>(points: T[], max: number): T[] {
  let out = points;
  while (out.length > max) {
    const lastIndex = out.length - 1;
    out = out.filter((_, k) => k % 2 === 0 || k === lastIndex);
  }
  return out;
}

/** The history with parameter (and optimizer-state) samples added; samples at or before the trail's latest epoch are skipped. */
export function appendTrail(h: FileHistory, points: readonly TrailPoint[], optimizerPoints: readonly OptimizerTrailPoint[] = []): FileHistory {
  const lastEpoch = h.trail.at(-1)?.epoch ?? -1;
  const fresh = points.filter((p) => p.epoch > lastEpoch);
  const lastState = h.optimizerTrail?.at(-1)?.epoch ?? -1;
  const freshState = optimizerPoints.filter((p) => p.epoch > lastState && Object.keys(p.state).length > 0);
  if (fresh.length === 0 && freshState.length === 0) return h;
  const trail = thin(
    [...h.trail, ...fresh.map((p) => ({ epoch: p.epoch, params: Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, fileNumbers(v)])) }))],
    MAX_HISTORY_TRAIL,
  );
  const sample = (s: OptimizerStateSample) => ({
    ...(s.momentumBuffer ? { momentumBuffer: fileNumbers(s.momentumBuffer) } : {}),
    ...(s.expAvg ? { expAvg: fileNumbers(s.expAvg) } : {}),
    ...(s.expAvgSq ? { expAvgSq: fileNumbers(s.expAvgSq) } : {}),
  });
  const optimizerTrail =
    freshState.length > 0 || h.optimizerTrail
      ? thin([...(h.optimizerTrail ?? []), ...freshState.map((p) => ({ epoch: p.epoch, state: Object.fromEntries(Object.entries(p.state).map(([k, v]) => [k, sample(v)])) }))], MAX_HISTORY_TRAIL)
      : undefined;
  return { ...h, trail, ...(optimizerTrail ? { optimizerTrail } : {}) };
}

/** The loss curve as numbers: the epoch of each point, the training loss and the test loss (null where none). */
export interface LossSeries {
  readonly epochs: readonly number[];
  readonly loss: readonly number[];
  readonly testLoss: readonly (number | null)[];
}

const seriesCache = new WeakMap<FileHistory, LossSeries>();

/** The curve a history keeps, as numbers with their epochs (memoised per history object). */
export function lossSeries(h: FileHistory): LossSeries {
  const cached = seriesCache.get(h);
  if (cached) return cached;
  const every = h.lossEvery ?? 1;
  const grid = historyLossCount(h.epochs, every) - ((h.epochs - 1) % every === 0 || h.epochs === 0 ? 0 : 1);
  const epochs = h.loss.map((_, k) => (k < grid ? 1 + k * every : h.epochs));
  const series: LossSeries = {
    epochs,
    loss: h.loss.map(fromFileNumber),
    testLoss: h.testLoss ? h.testLoss.map((v) => (v === null ? null : fromFileNumber(v))) : [],
  };
  seriesCache.set(h, series);
  return series;
}

/** The latest epoch's loss, or null before any. */
export function lastLoss(h: FileHistory): number | null {
  const v = h.loss.at(-1);
  return v === undefined ? null : fromFileNumber(v);
}

const trailCache = new WeakMap<FileHistory, TrailPoint[]>();

/** The descent trail as numbers (memoised per history object). */
export function trailOf(h: FileHistory): readonly TrailPoint[] {
  let t = trailCache.get(h);
  if (!t) {
    t = h.trail.map((p) => ({ epoch: p.epoch, params: Object.fromEntries(Object.entries(p.params).map(([k, v]) => [k, v.map(fromFileNumber)])) }));
    trailCache.set(h, t);
  }
  return t;
}

const optimizerCache = new WeakMap<FileHistory, OptimizerTrailPoint[]>();

/** The optimizer-state trail as numbers (memoised per history object). */
export function optimizerTrailOf(h: FileHistory): readonly OptimizerTrailPoint[] {
  let t = optimizerCache.get(h);
  if (!t) {
    const nums = (v: readonly FileNumber[] | undefined) => v?.map(fromFileNumber);
    t = (h.optimizerTrail ?? []).map((p) => ({
      epoch: p.epoch,
      state: Object.fromEntries(Object.entries(p.state).map(([k, s]) => [k, { momentumBuffer: nums(s.momentumBuffer), expAvg: nums(s.expAvg), expAvgSq: nums(s.expAvgSq) }])),
    }));
    optimizerCache.set(h, t);
  }
  return t;
}
