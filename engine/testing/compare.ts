import type { Program } from '../exec/program';
import { sameShape } from '../tensor/shape';
import { fromPy, paramVar, type PyNumber, type TorchGraphResult, torchVars } from './torchBridge';

/** Relative tolerance: engine and PyTorch agree when |a − b| ≤ REL_TOL · max(|a|, |b|) + ABS_TOL. */
export const REL_TOL = 1e-9;
/** Absolute floor of the tolerance, for values that are 0 up to rounding (e.g. a gradient that cancels). */
export const ABS_TOL = 1e-12;
/** Below this magnitude the floor dominates, so the summary reports absolute rather than relative error. */
const SMALL = 1e-3;
/** How many mismatches a failure message lists. */
const MAX_LISTED = 40;

/** True when a and b agree: |a − b| ≤ 1e-9 · max(|a|, |b|) + 1e-12, or both are the same non-finite value. */
export function close(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  return Math.abs(a - b) <= REL_TOL * Math.max(Math.abs(a), Math.abs(b)) + ABS_TOL;
}

/** Counts compared values, tracks the worst errors, and collects mismatches. */
export class Tally {
  graphs = 0;
  /** Training runs compared step by step. */
  runs = 0;
  values = 0;
  /** Worst |a − b| / max(|a|, |b|) over values of magnitude ≥ 1e-3. */
  worstRel = 0;
  worstRelWhere = '';
  /** Worst |a − b| over values of magnitude < 1e-3. */
  worstAbs = 0;
  failures = 0;
  readonly mismatches: string[] = [];

  /** Records a mismatch that is not about numbers (a missing tensor, a shape). */
  fail(where: string, message: string): void {
    this.failures++;
    if (this.mismatches.length < MAX_LISTED) this.mismatches.push(`${where}: ${message}`);
  }

  /** Compares the engine's numbers with PyTorch's element by element. */
  compare(where: string, engine: ArrayLike<number>, torch: readonly PyNumber[] | null | undefined): void {
    if (!torch) return this.fail(where, 'PyTorch has no such tensor');
    if (torch.length !== engine.length) return this.fail(where, `engine has ${engine.length} values, PyTorch ${torch.length}`);
    for (let i = 0; i < engine.length; i++) {
      const a = engine[i];
      const b = fromPy(torch[i]);
      this.values++;
      if (Number.isFinite(a) && Number.isFinite(b)) {
        const m = Math.max(Math.abs(a), Math.abs(b));
        const err = Math.abs(a - b);
        if (m >= SMALL && err / m > this.worstRel) {
          this.worstRel = err / m;
          this.worstRelWhere = `${where}[${i}]`;
        }
        if (m < SMALL) this.worstAbs = Math.max(this.worstAbs, err);
      }
      if (!close(a, b)) this.fail(`${where}[${i}]`, `engine ${a}, PyTorch ${b}`);
    }
  }

  /** Adds another tally's counts, worst errors and mismatches to this one. */
  absorb(other: Tally): void {
    this.graphs += other.graphs;
    this.runs += other.runs;
    this.values += other.values;
    if (other.worstRel > this.worstRel) {
      this.worstRel = other.worstRel;
      this.worstRelWhere = other.worstRelWhere;
    }
    this.worstAbs = Math.max(this.worstAbs, other.worstAbs);
    this.failures += other.failures;
    for (const m of other.mismatches) if (this.mismatches.length < MAX_LISTED) this.mismatches.push(m);
  }

  /** The one-line summary: what was compared, the worst errors, the mismatches. */
  summary(label: string): string {
    return (
      `${label}: ${this.graphs} graphs and ${this.runs} training runs, ${this.values} values compared, ` +
      `worst relative error ${this.worstRel.toExponential(2)} (values with |x| ≥ ${SMALL}; at ${this.worstRelWhere || '-'}), ` +
      `worst absolute error ${this.worstAbs.toExponential(2)} (|x| < ${SMALL}), ${this.failures} mismatches`
    );
  }
}

/**
 * Compares one forward+backward pass: every op's shape and value, whether each node requires
 * grad, the gradient of every node that has one (leaves, parameters, intermediates) and of
 * every op parameter (linear's weight and bias).
 */
export function compareGraph(tally: Tally, name: string, program: Program, result: TorchGraphResult): void {
  tally.graphs++;
  if (result.error) return tally.fail(name, `PyTorch raised:\n${result.error}`);
  const vars = torchVars(program);
  for (const slot of program.slots) {
    const v = vars.get(slot.id) as string;
    const where = `${name} ${slot.id} (${slot.def.name})`;
    const t = result.tensors[v];
    if (!t) {
      tally.fail(where, 'missing from the PyTorch results');
      continue;
    }
    if (!sameShape(slot.shape, t.shape)) tally.fail(where, `shape [${slot.shape.join(', ')}] but PyTorch has [${t.shape.join(', ')}]`);
    if (!slot.isLeaf) tally.compare(`${where} value`, slot.value, t.value);
    if ((slot.grad !== null) !== t.requiresGrad) tally.fail(where, `engine requiresGrad ${slot.grad !== null}, PyTorch ${t.requiresGrad}`);
    if (slot.grad) compareGrad(tally, `${where} grad`, slot.grad, t.grad);
  }
  for (const p of program.params) {
    if (p.name === 'value') continue;
    const t = result.tensors[paramVar(vars, p.node, p.name)];
    if (!t) tally.fail(`${name} ${p.node}.${p.name} grad`, 'missing from the PyTorch results');
    else compareGrad(tally, `${name} ${p.node}.${p.name} grad`, p.grad, t.grad);
  }
}

/**
 * Compares a gradient. PyTorch leaves `.grad` as None on a tensor that requires grad but that
 * no gradient reached (its only way to the loss is through argmax); the engine holds zeros there.
 */
function compareGrad(tally: Tally, where: string, engine: Float64Array, torch: readonly PyNumber[] | null): void {
  if (torch !== null) return tally.compare(where, engine, torch);
  tally.values += engine.length;
  if (!engine.every((v) => v === 0)) tally.fail(where, 'PyTorch has no gradient (none reached it), but the engine\'s is not zero');
}
