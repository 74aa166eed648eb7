import { type GraphFile, lookupOp, type Shape } from '../../engine';

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
 * the graph's single scalar output (a computed scalar that feeds nothing). The selection
 * never decides it: clicking a constant to look at it must not change what Backward does.
 */
export function backwardTarget(doc: GraphFile, pick: string | null, shapes: ReadonlyMap<string, Shape>): BackwardTarget {
  const candidates = scalarCandidates(doc, shapes);
  if (pick !== null && candidates.includes(pick)) return { ok: true, node: pick, why: 'picked' };
  if (doc.loss !== null) return { ok: true, node: doc.loss, why: 'loss' };
  const outputs = candidates.filter((id) => !doc.edges.some((e) => e.source === id));
  if (outputs.length === 1) return { ok: true, node: outputs[0], why: 'output' };
  return { ok: false, reason: candidates.length === 0 ? 'noScalar' : 'pick', candidates };
}
