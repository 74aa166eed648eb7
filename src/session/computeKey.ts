import type { GraphFile } from '../../engine';

/**
 * The part of a document that changes what the engine compiles (its dtype too): not positions or labels,
 * not stored parameter values (they load into the compiled program's buffers in place;
 * compiledDocument.ts tells when they cannot), and not the datasets (compared by identity,
 * since they can be large).
 */
export function computeKey(doc: GraphFile): string {
  return JSON.stringify([doc.nodes.map((n) => [n.id, n.op, n.attrs, n.value, n.requiresGrad, n.shape, n.init]), doc.edges, doc.loss, doc.dtype ?? 'float64']);
}

/**
 * What the step-through's current step was computed from: the program, the parameter
 * values (by identity: immer keeps an untouched tensor the same object), the optimizer and
 * its saved state, and the divergence rule. When it changes by anything but the stepper's
 * own update, the step being played no longer describes the model.
 */
export function stepInputs(doc: GraphFile): readonly unknown[] {
  return [computeKey(doc), doc.datasets, ...doc.nodes.map((n) => n.params), doc.training.optimizer, doc.optimizerState, doc.training.divergenceFactor];
}

/** True when two stepInputs lists are the same, element by element. */
export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
