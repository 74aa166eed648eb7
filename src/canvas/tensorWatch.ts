import { useEffect, useReducer, useRef } from 'react';
import type { Program, Tensor } from '../../engine';
import { useSessionApi } from '../session/useSession';

/** Which of a node's tensors a view draws. */
export type TensorWhich = 'value' | 'grad';

/** A node's value or gradient from the program; null when the program has none (the node has a problem, or no gradient reaches it). */
export function readTensor(program: Program | null, id: string, which: TensorWhich): Tensor | null {
  if (!program) return null;
  try {
    return which === 'value' ? program.value(id) : program.grad(id);
  } catch {
    // The node is not in the compiled program (it has a problem).
    return null;
  }
}

/**
 * Remembers a copy of the numbers a view drew and tells whether a tensor's numbers differ
 * from them. The program's buffers change in place, so this compares the numbers themselves.
 */
export class TensorWatch {
  private shape: readonly number[] | null = null;
  private data: Float64Array | null = null;

  /** True when `tensor` differs from the remembered numbers (or shape, or presence); it is remembered either way. */
  update(tensor: Tensor | null): boolean {
    if (tensor === null) {
      const changed = this.data !== null;
      this.shape = null;
      this.data = null;
      return changed;
    }
    if (this.data !== null && this.shape !== null && sameShape(this.shape, tensor.shape) && sameNumbers(this.data, tensor.data)) return false;
    this.shape = [...tensor.shape];
    this.data = Float64Array.from(tensor.data);
    return true;
  }
}

/**
 * Re-renders the calling view when node `id`'s value (or gradient) changes, and only then:
 * a run, a training frame or a step that leaves this node's numbers alone re-renders nothing
 * on it (a node's own subscription, so the graph and the other nodes stay as they are).
 */
export function useTensorChanges(id: string, which: TensorWhich): void {
  const store = useSessionApi().store;
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const watch = useRef<TensorWatch | null>(null);
  watch.current ??= new TensorWatch();
  // What this render draws.
  watch.current.update(readTensor(store.getState().compiled.program, id, which));
  useEffect(
    () =>
      store.subscribe((s) => {
        if (watch.current?.update(readTensor(s.compiled.program, id, which))) redraw();
      }),
    [store, id, which],
  );
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function sameNumbers(a: Float64Array, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
