import type { SyntaxNode } from '@lezer/common';
import { compile } from '../exec/compile';
import { fileToGraph } from '../format/convert';
import { formatShape, reshapeTo, type Shape, sizeOf } from '../tensor/shape';
import { addLeaf, constructorSpec, type LeafSpec, shapeOfValue, valuesOf } from './constructors';
import { isModuleName } from './modules';
import { args, evaluate, fail, numberOf, type PyValue, type Scope, text } from './expressions';
import { parts } from './syntax';

/** The reductions whose every-element result `.reshape([1] * x.dim())` turns into the same reduction with keepdim=True. */
const KEEPDIM_REDUCTIONS = new Set(['sum', 'mean', 'max']);

/** The shape of a node of the graph being built, as the graph checks infer it. */
export function shapeOf(scope: Scope, id: string, node: SyntaxNode): Shape {
  const d = scope.draft;
  const file = d.file(d.mark(scope.defaultDtype));
  const r = compile(fileToGraph(file), { checkOnly: true });
  const shape = r.shapes.get(id);
  if (!shape) return fail('graph', { message: r.problems[0]?.message ?? `${text(scope, node)}: the shape is not known.` }, node);
  return shape;
}

/** `x.dim()`: the number of axes. */
export function tensorDim(scope: Scope, id: string, node: SyntaxNode): number {
  return shapeOf(scope, id, node).length;
}

/**
 * `x.view(...)`, `x.reshape(...)`, `torch.reshape(x, shape)`: a `reshape` node keeping the sizes
 * as written (a -1 stays -1), as PyTorch makes a new tensor even in the same shape. Where the
 * graph needs no node it takes none: on data (a leaf that needs no gradient, the same data in its
 * own shape, else made again in the new shape; one dataset column as a vector or a column
 * `[rows, 1]`), and on an every-element sum, mean or max just made
 * (`torch.max(x).reshape([1] * x.dim())` is keepdim=True).
 */
export function reshapeCall(scope: Scope, node: SyntaxNode): PyValue {
  const [fnNode, list] = parts(node);
  const what = text(scope, fnNode);
  const a = args(scope, list, what);
  if (a.keywords.size > 0) {
    const [name, v] = [...a.keywords][0];
    fail('keyword', { what, name, supported: 'none' }, v);
  }
  const [owner] = parts(fnNode);
  const isFunction = owner.name === 'VariableName' && !scope.vars.has(text(scope, owner)) && isModuleName(text(scope, owner));
  if (isFunction) {
    const m = evaluate(scope, owner);
    if (m.kind !== 'module' || m.name !== 'torch') fail('call', { what }, fnNode);
    if (a.positional.length !== 2) fail('arguments', { what, expected: 'tensorAndShape' }, list);
  }
  const [objectNode, ...sizeNodes] = isFunction ? a.positional : [owner, ...a.positional];
  const spec = isFunction ? null : constructorSpec(scope, node);
  if (spec) return addLeaf(scope, spec, node);
  const target = sizeList(scope, sizeNodes, what, list);
  const v = evaluate(scope, objectNode);
  if (v.kind !== 'tensor') return fail('notTensor', { name: text(scope, objectNode) }, objectNode);
  const from = shapeOf(scope, v.id, objectNode);
  const shape = resolveShape(from, target, node);
  const d = scope.draft;
  const i = d.nodes.findIndex((n) => n.id === v.id);
  const made = d.nodes[i];
  const isData = made.op === 'input' && !made.requiresGrad;
  // Data in the shape it has is the same data.
  if (isData && sameShape(shape, from)) return v;
  // Data: made again in the new shape, as a new leaf (the old one keeps its own).
  if (isData && (made.value?.type === 'tensor' || made.value?.type === 'arange')) {
    const value = { type: 'tensor' as const, shape, data: valuesOf(made.value) };
    return { ...v, id: d.add(made.label ?? made.id, { op: 'input', value }) };
  }
  // One column of a dataset: a vector [rows] or a column [rows, 1] (`vector`), read again in the new shape.
  if (isData && made.value?.type === 'columns' && made.value.columns.length === 1 && shape.length <= 2 && shape[0] === from[0] && (shape[1] ?? 1) === 1) {
    const value = { ...made.value, vector: shape.length === 1 };
    return { ...v, id: d.add(made.label ?? made.id, { op: 'input', value }) };
  }
  // An every-element reduction just made, to one element in every axis of its input: keepdim=True.
  const isLast = i === d.nodes.length - 1 && !d.edges.some((e) => e.source === v.id);
  const input = d.edges.find((e) => e.target === v.id)?.source;
  if (isLast && input && KEEPDIM_REDUCTIONS.has(made.op) && made.attrs?.axis == null && !made.attrs?.keepdim) {
    const rank = shapeOf(scope, input, objectNode).length;
    if (shape.length === rank && shape.every((s) => s === 1)) {
      d.nodes[i] = { ...made, attrs: { ...made.attrs, axis: null, keepdim: true } };
      return v;
    }
  }
  const id = d.add('reshape', { op: 'reshape', attrs: { shape: target } }, { x: v.id });
  return v.integer ? { kind: 'tensor', id, integer: v.integer } : { kind: 'tensor', id };
}

/** A tensor being made, reshaped by the method call `node` (`.view(-1, 1)`). */
export function reshapeSpecOf(scope: Scope, spec: LeafSpec, node: SyntaxNode): LeafSpec {
  const [fnNode, list] = parts(node);
  const what = text(scope, fnNode);
  const a = args(scope, list, what);
  if (a.keywords.size > 0) {
    const [name, v] = [...a.keywords][0];
    fail('keyword', { what, name, supported: 'none' }, v);
  }
  return reshapeSpec(scope, spec, sizeList(scope, a.positional, what, list), node);
}

/** A tensor being made, in a new shape (a leaf that requires grad would stop being one). */
function reshapeSpec(scope: Scope, spec: LeafSpec, target: readonly number[], node: SyntaxNode): LeafSpec {
  const from = shapeOfValue(spec.value);
  const shape = resolveShape(from, target, node);
  if (sameShape(shape, from)) return spec;
  if (spec.grad) fail('castGrad', { what: text(scope, node) }, node);
  return { ...spec, value: { type: 'tensor', shape, data: valuesOf(spec.value) } };
}

/** The sizes of a reshape: `2, 3`, `(2, 3)`, `[2, 3]` or `[1] * n`, with at most one -1. */
function sizeList(scope: Scope, nodes: SyntaxNode[], what: string, list: SyntaxNode): number[] {
  if (nodes.length === 0) fail('arguments', { what, expected: 'sizesOrMinusOne' }, list);
  const one = nodes.length === 1 ? nodes[0] : null;
  if (one?.name === 'BinaryExpression') {
    const [left, op, right] = parts(one);
    const [listNode, countNode] = left.name === 'ArrayExpression' ? [left, right] : [right, left];
    if (text(scope, op) !== '*' || listNode.name !== 'ArrayExpression') return fail('arguments', { what, expected: 'sizesOrMinusOne' }, one);
    const items = sizeList(scope, parts(listNode), what, listNode);
    const count = numberOf(scope, countNode);
    if (!count.int || count.value < 0) fail('arguments', { what, expected: 'sizesOrMinusOne' }, countNode);
    return Array.from({ length: items.length * count.value }, (_, k) => items[k % items.length]);
  }
  const items = one && ['TupleExpression', 'ArrayExpression'].includes(one.name) ? parts(one) : nodes;
  return items.map((n) => {
    const v = numberOf(scope, n);
    if (!v.int || v.value < -1) fail('arguments', { what, expected: 'sizesOrMinusOne' }, n);
    return v.value;
  });
}

/** The shape `target` gives a tensor of shape `from` (-1 takes what is left), or PyTorch's refusal. */
function resolveShape(from: readonly number[], target: readonly number[], node: SyntaxNode): number[] {
  try {
    return reshapeTo(from, target);
  } catch {
    return fail('reshapeSize', { shape: formatShape(target), count: String(sizeOf(from)) }, node);
  }
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, k) => s === b[k]);
}
