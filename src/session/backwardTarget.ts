import { autoLoss, type GraphFile, lookupOp, type Shape } from '../../engine';

/** Where Backward starts, and why; or why it cannot, with the nodes it could start from. */
export type BackwardTarget =
  | { readonly ok: true; readonly node: string; readonly why: 'picked' | 'loss' | 'output' }
  | { readonly ok: false; readonly reason: 'noScalar' | 'pick'; readonly candidates: readonly string[] };

/** The computed scalars Backward can start from (leaves compute nothing to differentiate), in document order. */
export function scalarCandidates(doc: GraphFile, shapes: ReadonlyMap<string, Shape>): string[] {
  return doc.nodes.filter((n) => shapes.get(n.id)?.length === 0 && lookupOp(n.op)?.kind === 'op').map((n) => n.id);
}

/**
 * Where Backward starts: the scalar the user picked beside the button, else the loss, else
 * the loss the engine's rule finds (`autoLoss`: the single scalar output, or the one loss op
 * among several; compile and training use the same rule). The selection
 * never decides it: clicking a constant to look at it must not change what Backward does.
 */
export function backwardTarget(doc: GraphFile, pick: string | null, shapes: ReadonlyMap<string, Shape>): BackwardTarget {
  const candidates = scalarCandidates(doc, shapes);
  if (pick !== null && candidates.includes(pick)) return { ok: true, node: pick, why: 'picked' };
  if (doc.loss !== null) return { ok: true, node: doc.loss, why: 'loss' };
  const auto = autoLoss(doc, shapes);
  if (auto !== undefined) return { ok: true, node: auto, why: 'output' };
  return { ok: false, reason: candidates.length === 0 ? 'noScalar' : 'pick', candidates };
}
