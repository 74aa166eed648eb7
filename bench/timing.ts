/** How long to warm up and sample contestants. */
export interface TimingOptions {
  /** Run steps untimed for at least this long (and at least `minWarmupSteps`) so the JIT settles. */
  readonly warmupMs: number;
  readonly minWarmupSteps: number;
  /** Steps are batched so one timed sample lasts about this long (timer resolution stays negligible). */
  readonly sampleMs: number;
  /** Keep sampling until this much time has passed and `minSamples` rounds were taken, or `maxSamples` were. */
  readonly budgetMs: number;
  readonly minSamples: number;
  readonly maxSamples: number;
}

/** Per-step timing of one contestant. */
export interface Timing {
  /** Median over samples of (sample time / steps in the sample), in milliseconds. */
  readonly medianMs: number;
  /** The fastest sample's time per step: a floor that other processes on the machine can only raise. */
  readonly minMs: number;
  readonly samples: number;
  readonly stepsPerSample: number;
}

/** Defaults: ~0.4 s of warm-up per contestant, then ~2 s of 2 ms samples shared by the contestants. */
export const DEFAULT_TIMING: TimingOptions = {
  warmupMs: 400,
  minWarmupSteps: 3,
  sampleMs: 2,
  budgetMs: 2000,
  minSamples: 7,
  maxSamples: 2000,
};

/** Milliseconds from the monotonic high-resolution clock. */
function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `step` untimed to warm the JIT; returns how many steps make one sample of about `sampleMs`. */
function warmUp(step: () => void, options: TimingOptions): number {
  const start = nowMs();
  let steps = 0;
  while (steps < options.minWarmupSteps || nowMs() - start < options.warmupMs) {
    step();
    steps++;
  }
  const estimate = (nowMs() - start) / steps;
  return Math.max(1, Math.round(options.sampleMs / estimate));
}

/** Time per step of one batch of `count` steps, in ms. */
function sample(step: () => void, count: number): number {
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < count; k++) step();
  const t1 = process.hrtime.bigint();
  return Number(t1 - t0) / 1e6 / count;
}

/**
 * Warms each contestant up, then takes samples round-robin (one per contestant per round), so
 * load from other processes affects all of them alike; returns each one's per-step timing.
 */
export function measureInterleaved(steps: readonly (() => void)[], options: TimingOptions = DEFAULT_TIMING): Timing[] {
  const counts = steps.map((step) => warmUp(step, options));
  const perStep: number[][] = steps.map(() => []);
  const start = nowMs();
  let rounds = 0;
  while (rounds < options.maxSamples && (rounds < options.minSamples || nowMs() - start < options.budgetMs)) {
    steps.forEach((step, i) => perStep[i].push(sample(step, counts[i])));
    rounds++;
  }
  return perStep.map((times, i) => ({ medianMs: median(times), minMs: Math.min(...times), samples: times.length, stepsPerSample: counts[i] }));
}

/** Warms `step` up, then times batches of steps and returns its per-step timing. */
export function measure(step: () => void, options: TimingOptions = DEFAULT_TIMING): Timing {
  return measureInterleaved([step], options)[0];
}
