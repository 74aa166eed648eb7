import type { Attrs } from '../ops/types';

/** The largest magnitude a generated node may hold, so relative comparisons stay meaningful. */
export const VALUE_LIMIT = 1e4;

/** Smallest |x| a relu input may have unless it is exactly 0 (stay off the kink). */
const KINK_MARGIN = 1e-6;

/** Inputs an op accepts in generated graphs: keeps every op in its valid, well-conditioned domain. */
type DomainCheck = (x: readonly Float64Array[], attrs: Attrs, fromSigmoid: boolean, targetHasGrad: boolean) => boolean;

const every = (x: Float64Array, ok: (v: number) => boolean): boolean => x.every(ok);

/** True when the largest element is separated from the runner-up (no near-ties for max). */
export function clearMaximum(x: Float64Array): boolean {
  if (x.length < 2) return true;
  let top = -Infinity;
  let second = -Infinity;
  for (const v of x) {
    if (v > top) {
      second = top;
      top = v;
    } else if (v > second) second = v;
  }
  return top - second >= 1e-6 * Math.max(1, Math.abs(top));
}

/** True when a tensor holds probabilities usable as BCE targets. */
export const isTarget = (x: Float64Array): boolean => every(x, (v) => v >= 0 && v <= 1);

/** True when every element is an integer class index below `classes`. */
export const isLabels = (x: Float64Array, classes: number): boolean =>
  every(x, (v) => Number.isInteger(v) && v >= 0 && v < classes);

/** True when a value is an integer power. */
const integral = (p: number): boolean => Number.isInteger(p);

const DOMAINS: Record<string, DomainCheck> = {
  log: ([x]) => every(x, (v) => v >= 0.01),
  exp: ([x]) => every(x, (v) => v <= 5),
  div: ([, b]) => every(b, (v) => Math.abs(v) >= 0.05),
  pow: ([x], { p }) => {
    const e = p as number;
    if (!integral(e)) return every(x, (v) => v >= 0.05);
    if (e < 0) return every(x, (v) => Math.abs(v) >= 0.1);
    return true;
  },
  // σ'(x) = σ(1 − σ) and tanh' = 1 − tanh² lose digits to cancellation far from 0.
  sigmoid: ([x]) => every(x, (v) => Math.abs(v) <= 8),
  tanh: ([x]) => every(x, (v) => Math.abs(v) <= 5),
  relu: ([x]) => every(x, (v) => v === 0 || Math.abs(v) >= KINK_MARGIN),
  softmax: ([x]) => every(x, (v) => Math.abs(v) <= 30),
  max: ([x]) => clearMaximum(x),
  bce: ([x, t], _a, fromSigmoid) => fromSigmoid && isTarget(t) && every(x, (v) => v >= 1e-3 && v <= 1 - 1e-3),
  bce_with_logits: ([x, t]) => isTarget(t) && every(x, (v) => Math.abs(v) <= 20),
  cross_entropy: ([, t], _a, _s, targetHasGrad) => !targetHasGrad && every(t, Number.isInteger),
};

/** Whether the inputs lie in the op's valid domain (log of positives, bce of sigmoid outputs, …). */
export function inputsValid(op: string, x: readonly Float64Array[], attrs: Attrs, fromSigmoid: boolean, targetHasGrad: boolean): boolean {
  const check = DOMAINS[op];
  return check ? check(x, attrs, fromSigmoid, targetHasGrad) : true;
}

/** Whether an op's output is finite and within VALUE_LIMIT. */
export function outputValid(y: Float64Array): boolean {
  return every(y, (v) => Number.isFinite(v) && Math.abs(v) <= VALUE_LIMIT);
}
