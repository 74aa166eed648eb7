import type { InputDomain, PortDomains, ValueRange } from '../ops/recipe';
import type { AnyOpDef, Attrs } from '../ops/types';
import { type Shape, sizeOf } from '../tensor/shape';

/** The largest magnitude a generated node may hold, so relative comparisons stay meaningful. */
export const VALUE_LIMIT = 1e4;

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

/** True when every slice along `axis` of a tensor of this shape has a clear maximum (see clearMaximum). */
export function clearMaximumAlong(x: Float64Array, shape: Shape, axis: number): boolean {
  if (shape.length === 0) return true;
  const a = axis < 0 ? axis + shape.length : axis;
  const len = shape[a];
  const inner = sizeOf(shape.slice(a + 1));
  const outer = sizeOf(shape.slice(0, a));
  const slice = new Float64Array(len);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      for (let j = 0; j < len; j++) slice[j] = x[(o * len + j) * inner + k];
      if (!clearMaximum(slice)) return false;
    }
  }
  return true;
}

/** True when every element satisfies every bound of the range (NaN satisfies none). */
export function inRange(x: Float64Array, r: ValueRange): boolean {
  const { within, min, max, awayFromZero, zeroAllowed } = r;
  return every(
    x,
    (v) =>
      (within === undefined || Math.abs(v) <= within) &&
      (min === undefined || v >= min) &&
      (max === undefined || v <= max) &&
      (awayFromZero === undefined || Math.abs(v) >= awayFromZero || (zeroAllowed === true && v === 0)),
  );
}

/** True when a tensor holds probabilities usable as BCE targets. */
export const isTarget = (x: Float64Array): boolean => inRange(x, { min: 0, max: 1 });

/** True when every element is an integer class index below `classes`. */
export const isLabels = (x: Float64Array, classes: number): boolean =>
  every(x, (v) => Number.isInteger(v) && v >= 0 && v < classes);

/** One input as the domain check sees it: its shape and values, the op that made it, and whether it requires grad. */
export interface DomainInput {
  readonly shape: Shape;
  readonly data: Float64Array;
  readonly op?: string;
  readonly grad: boolean;
}

/** The op's input domains for these attributes, by port name. */
export function domainsOf(def: AnyOpDef, attrs: Attrs): PortDomains {
  return typeof def.domain === 'function' ? def.domain(attrs) : def.domain;
}

/** Whether one input lies in its domain. */
function inDomain(input: DomainInput, d: InputDomain): boolean {
  return (
    inRange(input.data, d) &&
    (d.noGrad !== true || !input.grad) &&
    (d.integer !== true || every(input.data, Number.isInteger)) &&
    (d.from === undefined || input.op === d.from) &&
    (d.clearMaximum !== true || clearMaximum(input.data)) &&
    (d.clearMaximumAlong === undefined || clearMaximumAlong(input.data, input.shape, d.clearMaximumAlong))
  );
}

/**
 * Whether the inputs lie in the op's domain as its definition states it (log of positives,
 * bce of sigmoid outputs, class labels that require no gradient, …).
 */
export function inputsValid(def: AnyOpDef, inputs: readonly DomainInput[], attrs: Attrs): boolean {
  const domains = domainsOf(def, attrs);
  return def.inputs.every((port, i) => {
    const input = inputs[i];
    const d = Object.hasOwn(domains, port.name) ? domains[port.name] : undefined;
    return d === undefined || inDomain(input, d);
  });
}

/** Whether an op's output is finite and within VALUE_LIMIT. */
export function outputValid(y: Float64Array): boolean {
  return every(y, (v) => Number.isFinite(v) && Math.abs(v) <= VALUE_LIMIT);
}
