import type { GradCheckResult, Program } from '../../engine';
import { formatNumber } from '../format';
import { indexLabel } from './paramChoices';

/** A leaf or trainable tensor the gradient check can be run on. */
export interface CheckTarget {
  /** `x`, `W.value`, `linear.weight`: the value of the select. */
  readonly key: string;
  readonly node: string;
  readonly param?: string;
  readonly shape: readonly number[];
}

/** An element passes when |a − n| ≤ atol or the relative error ≤ rtol (relative error alone fails where both are ~0). */
const RTOL = 1e-5;
/** See RTOL. */
const ATOL = 1e-7;

/** Significant digits of a relative error: its size matters, not its digits. */
export const REL_DIGITS = 3;

/** One row of the gradient-check table, formatted for display. */
export interface CheckRow {
  readonly index: string;
  readonly analytic: string;
  readonly numeric: string;
  readonly relError: string;
  readonly pass: boolean;
}

/** The leaves that require grad and every trainable tensor (parameters, linear weight and bias), in graph order. */
export function checkTargets(program: Program): CheckTarget[] {
  const out: CheckTarget[] = [];
  const seen = new Set<string>();
  for (const p of program.params) {
    const key = p.name === 'value' ? p.node : `${p.node}.${p.name}`;
    seen.add(p.name === 'value' ? p.node : key);
    out.push({ key, node: p.node, param: p.name, shape: p.shape });
  }
  for (const s of program.slots) {
    if (s.isLeaf && s.grad && !seen.has(s.id)) out.push({ key: s.id, node: s.id, shape: s.shape });
  }
  return out;
}

/** Whether one element passes. */
export function passes(analytic: number, numeric: number, relError: number, rtol = RTOL, atol = ATOL): boolean {
  if (!Number.isFinite(analytic) || !Number.isFinite(numeric)) return false;
  return Math.abs(analytic - numeric) <= atol || relError <= rtol;
}

/** The table rows of a gradient check, element by element, indexed in the tensor's shape. */
export function checkRows(result: GradCheckResult, shape: readonly number[]): CheckRow[] {
  const rows: CheckRow[] = [];
  for (let i = 0; i < result.analytic.length; i++) {
    const a = result.analytic[i];
    const n = result.numeric[i];
    const r = result.relError[i];
    rows.push({
      index: shape.length === 0 ? '[]' : indexLabel(shape, i),
      analytic: formatNumber(a),
      numeric: formatNumber(n),
      relError: formatNumber(r, REL_DIGITS),
      pass: passes(a, n, r),
    });
  }
  return rows;
}
