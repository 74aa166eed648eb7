import type { Workload } from './workloads';
import { fusedChain } from './fusedChain';
import { fusedLinear, fusedScalarLinear } from './fusedLinear';
import { fusedMlp3 } from './fusedMlp';

/**
 * A hand-fused Float64Array training step over its own copies of the parameters: the same
 * arithmetic, in the same order, as the engine's kernels, with nothing allocated per step.
 */
export interface FusedRun {
  /** One step (forward, backward, SGD update); returns the loss computed before the update. */
  readonly step: () => number;
  /** Parameter buffers in the engine's order (each layer's weight then bias); empty for a chain. */
  readonly params: readonly Float64Array[];
  /** The gradient of the chain's start value after the last step; 0 for regression workloads. */
  readonly inputGrad: () => number;
}

/** The fused loop for a workload: one specialised function per workload shape. */
export function createFusedRun(w: Workload): FusedRun {
  if (w.kind === 'chain') return fusedChain(w);
  const [first] = w.layers;
  if (w.layers.length === 1 && first.outFeatures === 1) return first.inFeatures === 1 ? fusedScalarLinear(w) : fusedLinear(w);
  if (w.layers.length === 3 && w.layers[2].outFeatures === 1) return fusedMlp3(w);
  throw new Error(`${w.id}: no fused loop for this layer stack`);
}
