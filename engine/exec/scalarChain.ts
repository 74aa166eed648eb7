import type { ChainForm } from '../ops/types';

/**
 * A run of scalar steps, each reading the one before it (x → x² → ½x² → ½x² + c → …), run by
 * one loop with the value (forward) or the gradient (backward) kept in a register: the compiled
 * step's form of long scalar chains, whose straight-line code would be too large to run fast.
 * Each link computes exactly what its op's kernel does (`2 * x * g`, `k * g`, …), so the
 * numbers are the interpreter's bit for bit.
 */
export interface ScalarChain {
  /** Each link's form (FORM_CODES) and constant. */
  readonly forms: Uint8Array;
  readonly constants: Float64Array;
  /** The value and gradient arenas, and where the links' outputs start in each (they lie end to end). */
  readonly values: Float64Array;
  readonly grads: Float64Array;
  readonly valueAt: number;
  readonly gradAt: number;
  /** The first link's input, and its gradient (null when none is wanted). */
  readonly input: Float64Array;
  readonly inputGrad: Float64Array | null;
}

/** The number each form has in `forms`. */
export const FORM_CODES: Readonly<Record<ChainForm, number>> = { square: 0, times: 1, plus: 2, minus: 3, negate: 4 };

/** Writes every link's output, from the chain's input on. */
export function chainForward(c: ScalarChain): void {
  const { forms, constants: k, values: V, valueAt } = c;
  const n = forms.length;
  let v = c.input[0];
  for (let i = 0; i < n; i++) {
    const f = forms[i];
    if (f === 0) v = v * v;
    else if (f === 1) v = k[i] * v;
    else if (f === 2) v = v + k[i];
    else if (f === 3) v = v - k[i];
    else v = -v;
    V[valueAt + i] = v;
  }
}

/** Link i's input gradient after adding its share, as the op's kernel adds it (`gx += …`, or `gx -= g` for negate). */
function addShare(f: number, into: number, x: number, g: number, k: number): number {
  if (f === 0) return into + 2 * x * g;
  if (f === 1) return into + k * g;
  if (f === 4) return into - g;
  return into + g;
}

/** Adds every link's gradient into its input's, last link first, from the last output's gradient. */
export function chainBackward(c: ScalarChain): void {
  const { forms, constants: k, values: V, grads: G, valueAt, gradAt } = c;
  const n = forms.length;
  let g = G[gradAt + n - 1];
  for (let i = n - 1; i >= 1; i--) {
    const f = forms[i];
    const x = V[valueAt + i - 1];
    const at = gradAt + i - 1;
    let into = G[at];
    if (f === 0) into = into + 2 * x * g;
    else if (f === 1) into = into + k[i] * g;
    else if (f === 4) into = into - g;
    else into = into + g;
    G[at] = into;
    g = into;
  }
  const first = c.inputGrad;
  if (first) first[0] = addShare(forms[0], first[0], c.input[0], g, k[0]);
}
