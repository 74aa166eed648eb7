import { useSession } from '../session/useSession';

/** A tensor copied out of the program's live buffers, so React sees a stable value. */
export interface TensorCopy {
  readonly shape: readonly number[];
  readonly data: number[];
}

/** What the session's program holds for one node: its value and gradient, and its own parameters' (linear's weight and bias). */
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
 * Reads a node's numbers from the session's program, re-reading whenever its version moves
 * (after every forward, backward, zero grad, played step and training frame), since the
 * program's buffers change in place.
 */
export function useNodeResult(id: string): NodeResult | null {
  const program = useSession((s) => s.compiled.program);
  const backwardCount = useSession((s) => s.run.backwardCount);
  const backwardRan = useSession((s) => s.run.backwardFrom !== null);
  // Subscribing to the version is what re-renders this view after a run.
  useSession((s) => s.run.version);
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
    // The node is not in the compiled program (it has a problem).
    return null;
  }
}
