import type { SyntaxNode } from '@lezer/common';
import type { Dtype } from '../tensor/float32';
import type { TorchGenerator } from '../tensor/torchRandom';
import { GraphDraft } from './draft';
import { objectCall } from './model';
import type { ObjectValue } from './objects';
import { constructorCall, castCall, isCastMethod, manualSeed } from './constructors';
import { deviceCall } from './device';
import { isModuleName, MODULE_PATHS, type ModuleName, submodule } from './modules';
import { findMethodOp, findFunctionOp, opCall } from './opCalls';
import { ImportFailure, type ImportReason } from './reasons';
import { reshapeCall, tensorDim } from './reshape';
import { parts } from './syntax';

/** A tensor: the node computing it, and PyTorch's type for it when it is not a float (class labels, a comparison). */
export interface TensorValue {
  readonly kind: 'tensor';
  readonly id: string;
  /** int64 (class labels, argmax) or bool (a comparison); absent: a float tensor of the graph's dtype. */
  readonly integer?: 'int64' | 'bool';
}

/** A PyTorch number type, as `torch.float32` or `x.dtype` names it. */
export type TorchDtype = Dtype | 'int64';

/** What a Python expression evaluates to in the supported subset. */
export type PyValue =
  | { readonly kind: 'number'; readonly value: number; readonly int: boolean }
  | TensorValue
  | { readonly kind: 'module'; readonly name: ModuleName }
  | { readonly kind: 'dtype'; readonly dtype: TorchDtype }
  /** `torch.max(x, dim)`: `.values` is the max node, `.indices` makes the argmax. */
  | { readonly kind: 'valuesIndices'; readonly values: TensorValue; readonly x: string; readonly attrs: Readonly<Record<string, number | boolean | null>> }
  /** What `torch.manual_seed(s)` returns. */
  | { readonly kind: 'generator' }
  /** `torch.device(...)`: where PyTorch computes; the graph computes on the CPU whichever it names. */
  | { readonly kind: 'device' }
  /** A tensor an op holds as its own parameter (`w` after `F.linear(x, w, b)`). */
  | { readonly kind: 'parameterOf'; readonly node: string; readonly name: string }
  | ObjectValue;

/** Where expressions are evaluated: the code, the graph being built, the variables and the imported modules. */
export interface Scope {
  readonly code: string;
  readonly draft: GraphDraft;
  readonly vars: Map<string, PyValue>;
  readonly modules: Set<string>;
  /** The dtype `torch.tensor` and `torch.arange` make (torch.set_default_dtype). */
  defaultDtype: Dtype;
  /** PyTorch's random generator once `torch.manual_seed` has run. */
  generator?: TorchGenerator;
}

/** The source text of a node. */
export function text(scope: Scope, node: SyntaxNode): string {
  return scope.code.slice(node.from, node.to);
}

/** Stops the import at `node` with a reason. */
export function fail(reason: ImportReason, params: Record<string, string>, node: SyntaxNode): never {
  throw new ImportFailure(reason, params, node.from, node.to);
}

/** Evaluates an expression, adding the nodes it computes to the draft. */
export function evaluate(scope: Scope, node: SyntaxNode): PyValue {
  switch (node.name) {
    case 'Number':
      return numberLiteral(scope, node);
    case 'VariableName':
      return lookup(scope, node);
    case 'ParenthesizedExpression': {
      const inner = parts(node);
      if (inner.length !== 1) fail('expression', { what: text(scope, node) }, node);
      return evaluate(scope, inner[0]);
    }
    case 'UnaryExpression':
      return unary(scope, node);
    case 'BinaryExpression':
      return binary(scope, node);
    case 'CallExpression':
      return call(scope, node);
    case 'MemberExpression':
      // The grammar reads `a[i]` as a member expression with brackets.
      return node.getChild('[') ? subscript(scope, node) : member(scope, node);
    default:
      return fail('expression', { what: text(scope, node) }, node);
  }
}

function numberLiteral(scope: Scope, node: SyntaxNode): PyValue {
  const raw = text(scope, node).replace(/_/g, '');
  if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) fail('expression', { what: text(scope, node) }, node);
  return { kind: 'number', value: Number(raw), int: /^\d+$/.test(raw) };
}

function lookup(scope: Scope, node: SyntaxNode): PyValue {
  const name = text(scope, node);
  const v = scope.vars.get(name);
  if (v?.kind === 'parameterOf') fail('parameterOf', { name, node: v.node, param: v.name }, node);
  if (v) return v;
  if (isModuleName(name)) {
    if (!scope.modules.has(name)) fail('notImported', { name }, node);
    return { kind: 'module', name };
  }
  return fail('undefinedName', { name }, node);
}

/** The tensor an expression evaluates to; fails on anything else. */
export function tensorOf(scope: Scope, node: SyntaxNode): TensorValue {
  const v = evaluate(scope, node);
  if (v.kind !== 'tensor') fail('notTensor', { name: text(scope, node) }, node);
  return v;
}

/** A float tensor: an integer or boolean one fails where PyTorch's op needs floats (or a gradient). */
export function floatTensor(scope: Scope, v: PyValue, node: SyntaxNode): TensorValue {
  if (v.kind !== 'tensor') fail('notTensor', { name: text(scope, node) }, node);
  if (v.integer) fail('integerTensor', {}, node);
  return v;
}

/** The number an expression evaluates to; fails on anything else. */
export function numberOf(scope: Scope, node: SyntaxNode): { value: number; int: boolean } {
  const v = evaluate(scope, node);
  if (v.kind !== 'number') fail('notNumber', {}, node);
  return v;
}

function unary(scope: Scope, node: SyntaxNode): PyValue {
  const [op, operand] = parts(node);
  const sign = text(scope, op);
  if (sign !== '-' && sign !== '+') fail('operator', { op: sign }, op);
  const v = evaluate(scope, operand);
  if (v.kind === 'number') return sign === '-' ? { ...v, value: -v.value } : v;
  const t = floatTensor(scope, v, operand);
  return sign === '-' ? { kind: 'tensor', id: scope.draft.add('neg', { op: 'neg' }, { x: t.id }) } : t;
}

/** The arithmetic operators and the op each is. */
const ARITHMETIC = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div' } as const;
/** The comparisons: `==` is eq, `>` is gt and `<` is gt with the operands swapped. */
const COMPARISONS = new Set(['==', '>', '<']);

function binary(scope: Scope, node: SyntaxNode): PyValue {
  const [left, opNode, right] = parts(node);
  const op = text(scope, opNode);
  if (!['+', '-', '*', '/', '**', '@'].includes(op) && !COMPARISONS.has(op)) fail('operator', { op }, opNode);
  // Python chains a < b < c into (a < b) and (b < c): not an elementwise comparison.
  if (COMPARISONS.has(op) && left.name === 'BinaryExpression' && COMPARISONS.has(text(scope, parts(left)[1]))) fail('operator', { op }, opNode);
  // `[1] * n` is a list of sizes, read where sizes are.
  if (left.name === 'ArrayExpression' || right.name === 'ArrayExpression') fail('expression', { what: text(scope, node) }, node);
  const a = evaluate(scope, left);
  const b = evaluate(scope, right);
  if (a.kind !== 'number' && a.kind !== 'tensor') fail('notTensor', { name: text(scope, left) }, left);
  if (b.kind !== 'number' && b.kind !== 'tensor') fail('notTensor', { name: text(scope, right) }, right);
  if (a.kind === 'number' && b.kind === 'number') {
    if (COMPARISONS.has(op) || op === '@') fail('operator', { op }, opNode);
    return fold(op, a, b, node);
  }
  const d = scope.draft;
  if (COMPARISONS.has(op)) return compare(scope, op, a, b);
  if (a.kind === 'tensor') floatTensor(scope, a, left);
  if (b.kind === 'tensor') floatTensor(scope, b, right);
  if (op === '@') {
    if (a.kind !== 'tensor' || b.kind !== 'tensor') fail('notTensor', { name: text(scope, a.kind === 'tensor' ? right : left) }, a.kind === 'tensor' ? right : left);
    return { kind: 'tensor', id: d.add('matmul', { op: 'matmul' }, { a: a.id, b: b.id }) };
  }
  if (op === '**') {
    if (a.kind !== 'tensor' || b.kind !== 'number') fail('exponent', {}, node);
    const id = b.value === 2 ? d.add('square', { op: 'square' }, { x: a.id }) : d.add('pow', { op: 'pow', attrs: { p: b.value } }, { x: a.id });
    return { kind: 'tensor', id };
  }
  const name = ARITHMETIC[op as keyof typeof ARITHMETIC];
  if (a.kind === 'tensor' && b.kind === 'tensor') return { kind: 'tensor', id: d.add(name, { op: name }, { a: a.id, b: b.id }) };
  // A tensor and a number: the number is the op's constant (a constant factor is `scale`, as the course writes 2 * x).
  const t = (a.kind === 'tensor' ? a : b) as TensorValue;
  const n = (a.kind === 'number' ? a : b) as { value: number };
  // A number times a tensor is `scale`, as the course writes 2 * x; a tensor times a number is `mul` with the constant.
  if (name === 'mul' && a.kind === 'number') return { kind: 'tensor', id: d.add('scale', { op: 'scale', attrs: { k: n.value } }, { x: t.id }) };
  if (name === 'add' || name === 'mul' || a.kind === 'tensor') return { kind: 'tensor', id: d.add(name, { op: name, attrs: { c: n.value } }, { a: t.id }) };
  // A number minus or over a tensor: the number is a constant leaf on the left.
  return { kind: 'tensor', id: d.add(name, { op: name }, { a: constantLeaf(scope, n.value), b: t.id }) };
}

/** A scalar `constant` leaf holding a number that stands on the left of an op. */
function constantLeaf(scope: Scope, value: number): string {
  return scope.draft.add('c', { op: 'constant', value: { type: 'tensor', shape: [], data: [value] } });
}

/** `a == b`, `a > b`, `a < b` with a tensor on either side: eq or gt (a bool tensor, as PyTorch's). */
function compare(scope: Scope, op: string, a: PyValue, b: PyValue): PyValue {
  const name = op === '==' ? 'eq' : 'gt';
  // a < b is b > a.
  const [l, r] = op === '<' ? [b, a] : [a, b];
  const d = scope.draft;
  let id: string;
  if (l.kind === 'tensor' && r.kind === 'tensor') id = d.add(name, { op: name }, { a: l.id, b: r.id });
  else if (l.kind === 'tensor') id = d.add(name, { op: name, attrs: { c: (r as { value: number }).value } }, { a: l.id });
  else if (name === 'eq') id = d.add(name, { op: name, attrs: { c: (l as { value: number }).value } }, { a: (r as TensorValue).id });
  else id = d.add(name, { op: name }, { a: constantLeaf(scope, (l as { value: number }).value), b: (r as TensorValue).id });
  return { kind: 'tensor', id, integer: 'bool' };
}

/** Arithmetic on two Python numbers, as Python does it (int stays int except for /). */
function fold(op: string, a: { value: number; int: boolean }, b: { value: number; int: boolean }, node: SyntaxNode): PyValue {
  const int = a.int && b.int && op !== '/' && !(op === '**' && b.value < 0);
  if ((op === '/' && b.value === 0) || (op === '**' && a.value === 0 && b.value < 0)) fail('divideByZero', {}, node);
  const value = op === '+' ? a.value + b.value : op === '-' ? a.value - b.value : op === '*' ? a.value * b.value : op === '/' ? a.value / b.value : Math.pow(a.value, b.value);
  if (!Number.isFinite(value)) fail('notNumber', {}, node);
  return { kind: 'number', value, int };
}

/** Names of PyTorch's number types. */
const DTYPE_NAMES: Readonly<Record<string, TorchDtype>> = {
  float32: 'float32',
  float: 'float32',
  float64: 'float64',
  double: 'float64',
  int64: 'int64',
  long: 'int64',
};

/** The dtype of a tensor: its integer type, else the graph's. */
export function dtypeOf(scope: Scope, t: TensorValue): TorchDtype {
  if (t.integer === 'int64') return 'int64';
  return scope.draft.dtype ?? scope.defaultDtype;
}

/** `module.name` (a submodule or a dtype), `x.dtype`, `torch.max(x, dim).values` / `.indices`. */
function member(scope: Scope, node: SyntaxNode): PyValue {
  const [objectNode, prop] = parts(node);
  const name = text(scope, prop);
  const owner = evaluate(scope, objectNode);
  if (owner.kind === 'module') {
    const sub = submodule(owner.name, name);
    if (sub) return { kind: 'module', name: sub };
    if (owner.name === 'torch' && Object.hasOwn(DTYPE_NAMES, name)) return { kind: 'dtype', dtype: DTYPE_NAMES[name] };
  }
  if (owner.kind === 'tensor' && name === 'dtype') return { kind: 'dtype', dtype: dtypeOf(scope, owner) };
  if (owner.kind === 'valuesIndices' && name === 'values') return owner.values;
  if (owner.kind === 'valuesIndices' && name === 'indices') return indices(scope, owner);
  return fail('expression', { what: text(scope, node) }, node);
}

/** `torch.max(x, 1)[0]` (the values) and `[1]` (the indices), as PyTorch's (values, indices) pair is read. */
function subscript(scope: Scope, node: SyntaxNode): PyValue {
  const [objectNode, index] = parts(node);
  const owner = evaluate(scope, objectNode);
  const i = index?.name === 'Number' ? text(scope, index) : '';
  if (owner.kind !== 'valuesIndices' || (i !== '0' && i !== '1')) return fail('expression', { what: text(scope, node) }, node);
  return i === '0' ? owner.values : indices(scope, owner);
}

/** The argmax node `.indices` of torch.max(x, dim) is. */
export function indices(scope: Scope, pair: Extract<PyValue, { kind: 'valuesIndices' }>): TensorValue {
  return { kind: 'tensor', id: scope.draft.add('argmax', { op: 'argmax', attrs: { ...pair.attrs } }, { x: pair.x }), integer: 'int64' };
}

/** The callee of a call: `f`, `module.f` or `value.method`. */
export function callee(scope: Scope, node: SyntaxNode): { owner: PyValue | null; name: string; what: string } {
  if (node.name === 'VariableName') return { owner: null, name: text(scope, node), what: text(scope, node) };
  if (node.name !== 'MemberExpression') fail('expression', { what: text(scope, node) }, node);
  const [objectNode, prop] = parts(node);
  return { owner: evaluate(scope, objectNode), name: text(scope, prop), what: text(scope, node) };
}

/** Positional arguments and keywords of a call. */
export interface CallArgs {
  readonly positional: SyntaxNode[];
  readonly keywords: Map<string, SyntaxNode>;
}

/** Splits a call's argument list into positional arguments and keywords. */
export function args(scope: Scope, list: SyntaxNode, what: string): CallArgs {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const items = parts(list);
  for (let i = 0; i < items.length; i++) {
    if (items[i].name === 'VariableName' && items[i + 1]?.name === 'AssignOp' && items[i + 2]) {
      keywords.set(text(scope, items[i]), items[i + 2]);
      i += 2;
    } else if (keywords.size > 0 || /^[*]/.test(text(scope, items[i]))) {
      fail('arguments', { what, expected: 'positionalFirst' }, items[i]);
    } else {
      positional.push(items[i]);
    }
  }
  return { positional, keywords };
}

/** The full Python path of `module.name` (`F.relu` → `torch.nn.functional.relu`). */
function qualified(module: ModuleName, name: string): string {
  return `${MODULE_PATHS[module]}.${name}`;
}

function call(scope: Scope, node: SyntaxNode): PyValue {
  // Models, layers, criteria, optimizers and data (engine/pyimport/model.ts) take their own calls.
  const object = objectCall(scope, node);
  if (object) return object;
  const [fnNode, list] = parts(node);
  // A cast or reshape of a tensor being made (`torch.tensor(...).float()`) changes the leaf before it is added.
  if (fnNode.name === 'MemberExpression' && isCastMethod(text(scope, parts(fnNode)[1]))) return castCall(scope, node);
  if (fnNode.name === 'MemberExpression' && ['view', 'reshape'].includes(text(scope, parts(fnNode)[1]))) return reshapeCall(scope, node);
  const { owner, name, what } = callee(scope, fnNode);
  const a = args(scope, list, what);
  if (owner?.kind === 'module') {
    const path = qualified(owner.name, name);
    if (path === 'torch.manual_seed') return manualSeed(scope, a, what, list);
    if (path === 'torch.device') return deviceCall(scope, a, what, list);
    const made = constructorCall(scope, path, a, what, list, node);
    if (made) return made;
    const def = findFunctionOp(path);
    if (def) return opCall(scope, def, null, a, what, list);
  }
  if (owner?.kind === 'tensor') {
    if (name === 'item') return fail('item', {}, node);
    if (name === 'dim') {
      if (a.positional.length > 0 || a.keywords.size > 0) fail('arguments', { what, expected: 'none' }, list);
      return { kind: 'number', value: tensorDim(scope, owner.id, node), int: true };
    }
    const def = findMethodOp(name);
    if (def) return opCall(scope, def, owner, a, what, list);
  }
  return fail('call', { what }, fnNode);
}
