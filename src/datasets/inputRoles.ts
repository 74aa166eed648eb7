import { type GraphFile, lookupOp } from '../../engine';

/** Which side of the model an input node feeds: the features it reads, or the target its prediction is compared with. */
export type InputSide = 'feature' | 'target';

/** Every node downstream of `id` (not `id` itself). */
function downstream(doc: GraphFile, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const at = stack.pop() as string;
    for (const e of doc.edges) {
      if (e.source === at && !seen.has(e.target)) {
        seen.add(e.target);
        stack.push(e.target);
      }
    }
  }
  return seen;
}

/** The nodes where the model's parameters come in: ops with their own parameters (linear) and ops fed by a parameter leaf (`W * X`). */
export function parameterNodes(doc: GraphFile): Set<string> {
  const out = new Set<string>();
  const isParamLeaf = new Set(doc.nodes.filter((n) => n.op === 'parameter').map((n) => n.id));
  for (const n of doc.nodes) {
    const def = lookupOp(n.op);
    if (def?.kind === 'op' && def.params !== undefined) out.add(n.id);
  }
  for (const e of doc.edges) if (isParamLeaf.has(e.source)) out.add(e.target);
  return out;
}

/**
 * What each input node of the graph is for, read from how it is wired: an input that flows
 * into the model's parameters (`W * X`, `linear(X)`) is a feature; one that meets the
 * model's output without passing through a parameter (`mse(Yp, Y)`, `Yp − Y`) is the target.
 * Inputs wired to neither are left out.
 */
export function inputSides(doc: GraphFile): Map<string, InputSide> {
  const params = parameterNodes(doc);
  const afterModel = new Set<string>();
  for (const p of params) for (const id of downstream(doc, p)) afterModel.add(id);
  const out = new Map<string, InputSide>();
  for (const n of doc.nodes) {
    if (n.op !== 'input') continue;
    const below = [...downstream(doc, n.id)];
    if (below.some((id) => params.has(id))) out.set(n.id, 'feature');
    else if (below.some((id) => afterModel.has(id))) out.set(n.id, 'target');
  }
  return out;
}
