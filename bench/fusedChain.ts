import type { FusedRun } from './fused';
import type { ChainWorkload } from './workloads';

/**
 * W4's step: the scalar chain square → ×k → +c, … forward (keeping each square's input in
 * `sq`) then backward with a running gradient; returns the loss, writes ∂loss/∂start to out[0].
 */
function chainStep(length: number, start: number, k: number, c: number, sq: Float64Array, out: Float64Array): number {
  const cycles = Math.floor(length / 3);
  const rest = length - 3 * cycles;
  let v = start;
  for (let j = 0; j < cycles; j++) {
    sq[j] = v;
    v = k * (v * v) + c;
  }
  if (rest >= 1) {
    sq[cycles] = v;
    v = v * v;
    if (rest === 2) v = k * v;
  }
  let g = 1;
  if (rest === 2) g = k * g;
  if (rest >= 1) g = 2 * sq[cycles] * g;
  for (let j = cycles - 1; j >= 0; j--) g = 2 * sq[j] * (k * g);
  out[0] = g;
  return v;
}

/** W4: the fused loop for the scalar chain; nothing is updated. */
export function fusedChain(w: ChainWorkload): FusedRun {
  const { length, start, k, c } = w;
  const sq = new Float64Array(Math.floor(length / 3) + 1);
  const grad = new Float64Array(1);
  return { step: () => chainStep(length, start, k, c, sq, grad), params: [], inputGrad: () => grad[0] };
}
