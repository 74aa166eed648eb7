import { type GraphFile, lookupOp } from '../../engine';

/** Which side of the model an input node feeds: the features it reads, or the target its prediction is compared with. */
export type InputSide = 'feature' | 'target';

/** Every node reached from `from` (themselves included) following wires downstream, or upstream; linear in the graph's size. */
export function reach(doc: GraphFile, from: Iterable<string>, direction: 'down' | 'up'): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of doc.edges) {
    const [a, b] = direction === 'down' ? [e.source, e.target] : [e.target, e.source];
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  }
  const seen = new Set<string>(from);
  const stack = [...seen];
  while (stack.length > 0) {
    for (const n of next.get(stack.pop() as string) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
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
  const afterModel = reach(doc, params, 'down');
  const out = new Map<string, InputSide>();
  for (const n of doc.nodes) {
    if (n.op !== 'input') continue;
    const below = [...reach(doc, [n.id], 'down')].filter((id) => id !== n.id);
    if (below.some((id) => params.has(id))) out.set(n.id, 'feature');
    else if (below.some((id) => afterModel.has(id))) out.set(n.id, 'target');
  }
  return out;
}
