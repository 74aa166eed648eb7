import { useRun } from '../store';

/** A tensor copied out of the program's live buffers, so React sees a stable value. */
export interface TensorCopy {
  readonly shape: readonly number[];
  readonly data: number[];
}

/** What the last run computed for one node: its value and gradient, and its own parameters' (linear's weight and bias). */
export interface NodeResult {
  readonly value: TensorCopy | null;
  /** Null when no gradient can reach the node. */
  readonly grad: TensorCopy | null;
  readonly params: readonly { readonly name: string; readonly value: TensorCopy; readonly grad: TensorCopy }[];
  /** How many backward passes the leaf gradients hold (they accumulate until zero grad). */
  readonly backwardCount: number;
  /** Whether backward has run since the last compile; before it, PyTorch's `.grad` is None. */
  readonly backwardRan: boolean;
}

const copy = (shape: readonly number[], data: ArrayLike<number>): TensorCopy => ({ shape: [...shape], data: Array.from(data) });

/**
 * Reads a node's numbers from the run store, re-reading whenever the store's version moves
 * (after every forward, backward and zero grad), since the program's buffers change in place.
 */
export function useNodeResult(id: string): NodeResult | null {
  const program = useRun((s) => s.program);
  const backwardCount = useRun((s) => s.backwardCount);
  const backwardRan = useRun((s) => s.backwardFrom !== null);
  // Subscribing to the version is what re-renders this view after a run.
  useRun((s) => s.version);
  if (!program) return null;
  try {
    const v = program.value(id);
    const g = program.grad(id);
    const slot = program.slot(id);
    const params = slot.isLeaf
      ? []
      : program.params.filter((p) => p.node === id).map((p) => ({ name: p.name, value: copy(p.shape, p.value), grad: copy(p.shape, p.grad) }));
    return { value: copy(v.shape, v.data), grad: g ? copy(g.shape, g.data) : null, params, backwardCount, backwardRan };
  } catch {
    // The node was added after the last compile; the next sync brings it in.
    return null;
  }
}
