import { autoLoss, type GraphFile, lookupOp, type Shape } from '../../engine';

/** Where Backward starts, and why; or why it cannot, with the nodes it could start from. */
export type BackwardTarget =
  | { readonly ok: true; readonly node: string; readonly why: 'picked' | 'loss' | 'output' }
  | { readonly ok: false; readonly reason: 'noScalar' | 'pick'; readonly candidates: readonly string[] };

/** The computed scalars Backward can start from (leaves compute nothing to differentiate), in document order. */
export function scalarCandidates(doc: GraphFile, shapes: ReadonlyMap<string, Shape>): string[] {
  return doc.nodes.filter((n) => shapes.get(n.id)?.length === 0 && lookupOp(n.op)?.kind === 'op').map((n) => n.id);
}

/** Above this many scalars the list beside Backward offers only the scalar outputs: thousands of entries are no list to pick from, and slow to draw. */
export const LISTED_SCALARS = 200;

/** What the list beside Backward offers (the loss aside, which is its first entry), and how many scalars it leaves out. */
export interface ScalarList {
  readonly listed: readonly string[];
  readonly unlisted: number;
}

/**
 * The scalars the list beside Backward offers, in document order: every one but the loss; past
 * LISTED_SCALARS only the outputs (scalars no node reads), at most that many, and the picked one.
 */
export function listedScalars(doc: GraphFile, shapes: ReadonlyMap<string, Shape>, pick: string | null): ScalarList {
  const all = scalarCandidates(doc, shapes).filter((id) => id !== doc.loss);
  if (all.length <= LISTED_SCALARS) return { listed: all, unlisted: 0 };
  const read = new Set(doc.edges.map((e) => e.source));
  const listed = all.filter((id) => !read.has(id)).slice(0, LISTED_SCALARS);
  if (pick !== null && all.includes(pick) && !listed.includes(pick)) listed.push(pick);
  return { listed, unlisted: all.length - listed.length };
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
