import { type AttrValue, type FileNode, type GraphFile, initOf, type InitSpec, lookupOp, resolveAttrs, sameShape } from '../../engine';

// Recipes the inspector runs inside `edit`: they change one node of an immer draft, so each
// is one undoable step. They never read the DOM, so they are tested on plain objects.

/** An attribute value as the file stores it. */
export type { AttrValue };

/** Where an input or constant takes its value from. */
export type SourceType = 'tensor' | 'arange' | 'columns';

/** Initialiser kinds, in the order the select lists them. */
export const INIT_TYPES: readonly InitSpec['type'][] = ['constant', 'uniform', 'normal', 'default'];

/**
 * Sets an attribute. When it changes the shape of any of the op's own parameters, all of
 * them start again from the initialiser, as a new `nn.Linear(in, out)` re-initialises both
 * its weight and its bias.
 */
export function setAttr(node: FileNode, name: string, value: AttrValue): void {
  node.attrs ??= {};
  node.attrs[name] = value;
  dropStaleParams(node);
}

function dropStaleParams(node: FileNode): void {
  const def = lookupOp(node.op);
  if (!def || def.kind !== 'op' || !def.params || !node.params) return;
  const { attrs, errors } = resolveAttrs(def.attrs, node.attrs);
  if (errors.length > 0) return;
  const params = node.params;
  const reshaped = def.params(attrs).some((spec) => {
    const current = Object.hasOwn(params, spec.name) ? params[spec.name] : undefined;
    return current !== undefined && !sameShape(current.shape, spec.shape);
  });
  if (reshaped) delete node.params;
}

/** Sets the label; an empty label is removed so the canvas falls back to the id. */
export function setLabel(node: FileNode, text: string): void {
  if (text.trim() === '') delete node.label;
  else node.label = text.slice(0, 200);
}

/** Marks this node as the loss, or unmarks it. */
export function setLoss(doc: GraphFile, id: string, on: boolean): void {
  if (on) doc.loss = id;
  else if (doc.loss === id) doc.loss = null;
}

/** A fresh initialiser of another kind, keeping the seed so switching back and forth is stable. */
export function initOfType(type: InitSpec['type'], previous: InitSpec | undefined): InitSpec {
  const seed = previous && 'seed' in previous ? previous.seed : 0;
  switch (type) {
    case 'constant':
      return { type, value: 0 };
    case 'uniform':
      return { type, low: -1, high: 1, seed };
    case 'normal':
      return { type, mean: 0, std: 1, seed };
    case 'default':
      return { type, seed };
  }
}

/** The initialiser the engine uses for the node: its own, else its op's or leaf's (a parameter's constant 0, nn.Linear's default). */
export function effectiveInit(node: FileNode): InitSpec {
  return initOf(node, lookupOp(node.op));
}

/** Sets one field of the initialiser (`value`, `low`, `seed`, …), keeping its kind. */
export function setInitField(node: FileNode, field: string, value: number): void {
  const init = { ...effectiveInit(node) } as Record<string, number | string>;
  if (!(field in init) || field === 'type') return;
  init[field] = value;
  node.init = init as InitSpec;
}

/** Removes the stored values, so the initialiser applies again (`reset_parameters()`). */
export function reinitialise(node: FileNode): void {
  delete node.params;
}
