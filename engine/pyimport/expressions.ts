import type { SyntaxNode } from '@lezer/common';
import type { Dtype } from '../tensor/float32';
import type { FileNode } from '../format/schema';
import { GraphDraft } from './draft';
import { objectCall } from './model';
import type { ObjectValue } from './objects';
import { ImportFailure } from './reasons';
import { parts } from './syntax';

/** What a Python expression evaluates to in the supported subset. */
export type PyValue =
  | { readonly kind: 'number'; readonly value: number; readonly int: boolean }
  | { readonly kind: 'tensor'; readonly id: string }
  | { readonly kind: 'module'; readonly name: 'torch' | 'nn' | 'np' }
  | ObjectValue;

/** Where expressions are evaluated: the code, the graph being built, the variables and the imported modules. */
export interface Scope {
  readonly code: string;
  readonly draft: GraphDraft;
  readonly vars: Map<string, PyValue>;
  readonly modules: Set<string>;
  /** The dtype `torch.tensor` and `torch.arange` make (torch.set_default_dtype). */
  defaultDtype: Dtype;
}

/** The unary functions and methods that map onto one op of the same name. */
const UNARY = new Set(['sigmoid', 'exp', 'log', 'tanh', 'relu', 'square']);
/** Reductions over every element, as `x.sum()` and `torch.sum(x)` write them. */
const REDUCE = new Set(['sum', 'mean']);

/** The source text of a node. */
export function text(scope: Scope, node: SyntaxNode): string {
  return scope.code.slice(node.from, node.to);
}

function fail(reason: ConstructorParameters<typeof ImportFailure>[0], params: Record<string, string>, node: SyntaxNode): never {
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
  if (v) return v;
  if (name === 'torch' || name === 'nn' || name === 'np') {
    if (!scope.modules.has(name)) fail('notImported', { name }, node);
    return { kind: 'module', name };
  }
  return fail('undefinedName', { name }, node);
}

function tensorOf(scope: Scope, node: SyntaxNode): string {
  const v = evaluate(scope, node);
  if (v.kind !== 'tensor') fail('notTensor', { name: text(scope, node) }, node);
  return v.id;
}

function numberOf(scope: Scope, node: SyntaxNode): { value: number; int: boolean } {
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
  if (v.kind !== 'tensor') fail('notTensor', { name: text(scope, operand) }, operand);
  return sign === '-' ? { kind: 'tensor', id: scope.draft.add('neg', { op: 'neg' }, { x: v.id }) } : v;
}

function binary(scope: Scope, node: SyntaxNode): PyValue {
  const [left, opNode, right] = parts(node);
  const op = text(scope, opNode);
  if (!['+', '-', '*', '/', '**'].includes(op)) fail('operator', { op }, opNode);
  const a = evaluate(scope, left);
  const b = evaluate(scope, right);
  if (a.kind === 'module') fail('notTensor', { name: text(scope, left) }, left);
  if (b.kind === 'module') fail('notTensor', { name: text(scope, right) }, right);
  if (a.kind === 'number' && b.kind === 'number') return fold(op, a, b, node);
  const d = scope.draft;
  if (op === '**') {
    if (a.kind !== 'tensor' || b.kind !== 'number') fail('exponent', {}, node);
    const id = b.value === 2 ? d.add('square', { op: 'square' }, { x: a.id }) : d.add('pow', { op: 'pow', attrs: { p: b.value } }, { x: a.id });
    return { kind: 'tensor', id };
  }
  const name = ({ '+': 'add', '-': 'sub', '*': 'mul', '/': 'div' } as const)[op as '+' | '-' | '*' | '/'];
  if (a.kind === 'tensor' && b.kind === 'tensor') return { kind: 'tensor', id: d.add(name, { op: name }, { a: a.id, b: b.id }) };
  // A tensor and a number: the number is the op's constant (a constant factor is `scale`, as the course writes 2 * x).
  const t = (a.kind === 'tensor' ? a : b) as Extract<PyValue, { kind: 'tensor' }>;
  const n = (a.kind === 'number' ? a : b) as Extract<PyValue, { kind: 'number' }>;
  if (name === 'mul') return { kind: 'tensor', id: d.add('scale', { op: 'scale', attrs: { k: n.value } }, { x: t.id }) };
  if (name === 'add' || a.kind === 'tensor') return { kind: 'tensor', id: d.add(name, { op: name, attrs: { c: n.value } }, { a: t.id }) };
  // A number minus or over a tensor: the number is a constant leaf on the left.
  const c = d.add('c', { op: 'constant', value: { type: 'tensor', shape: [], data: [n.value] } });
  return { kind: 'tensor', id: d.add(name, { op: name }, { a: c, b: t.id }) };
}

/** Arithmetic on two Python numbers, as Python does it (int stays int except for /). */
function fold(op: string, a: { value: number; int: boolean }, b: { value: number; int: boolean }, node: SyntaxNode): PyValue {
  const int = a.int && b.int && op !== '/' && !(op === '**' && b.value < 0);
  if ((op === '/' && b.value === 0) || (op === '**' && a.value === 0 && b.value < 0)) fail('divideByZero', {}, node);
  const value = op === '+' ? a.value + b.value : op === '-' ? a.value - b.value : op === '*' ? a.value * b.value : op === '/' ? a.value / b.value : Math.pow(a.value, b.value);
  if (!Number.isFinite(value)) fail('notNumber', {}, node);
  return { kind: 'number', value, int };
}

/** The callee of a call: `f`, `module.f` or `value.method`. */
function callee(scope: Scope, node: SyntaxNode): { owner: PyValue | null; name: string; what: string } {
  if (node.name === 'VariableName') return { owner: null, name: text(scope, node), what: text(scope, node) };
  if (node.name !== 'MemberExpression') fail('expression', { what: text(scope, node) }, node);
  const [objectNode, prop] = parts(node);
  return { owner: evaluate(scope, objectNode), name: text(scope, prop), what: text(scope, node) };
}

/** Positional arguments and keywords of a call. */
function args(scope: Scope, list: SyntaxNode, what: string): { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode> } {
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

/** Whether a call asks for a gradient (`requires_grad=True`); any other keyword fails. */
function requiresGrad(scope: Scope, keywords: Map<string, SyntaxNode>, what: string): boolean {
  let grad = false;
  for (const [name, node] of keywords) {
    if (name !== 'requires_grad') fail('keyword', { what, name }, node.prevSibling?.prevSibling ?? node);
    const v = text(scope, node);
    if (v !== 'True' && v !== 'False') fail('arguments', { what: 'requires_grad', expected: 'trueFalse' }, node);
    grad = v === 'True';
  }
  return grad;
}

function call(scope: Scope, node: SyntaxNode): PyValue {
  // Models, layers, criteria, optimizers and data (engine/pyimport/model.ts) take their own calls.
  const object = objectCall(scope, node);
  if (object) return object;
  const [fnNode, list] = parts(node);
  const { owner, name, what } = callee(scope, fnNode);
  const { positional, keywords } = args(scope, list, what);
  const noKeywords = () => {
    for (const [k, v] of keywords) fail('keyword', { what, name: k }, v);
  };
  const arity = (n: number, expected: string) => {
    if (positional.length !== n) fail('arguments', { what, expected }, list);
  };
  const d = scope.draft;
  if (owner?.kind === 'module' && owner.name === 'torch') {
    if (name === 'tensor') return tensorCall(scope, positional, keywords, what, list);
    if (name === 'arange') return arangeCall(scope, positional, keywords, what, list);
    if (UNARY.has(name) || REDUCE.has(name)) {
      noKeywords();
      arity(1, 'oneTensor');
      return { kind: 'tensor', id: d.add(name, { op: name }, { x: tensorOf(scope, positional[0]) }) };
    }
    if (name === 'pow') {
      noKeywords();
      arity(2, 'tensorAndNumber');
      const x = tensorOf(scope, positional[0]);
      const p = numberOf(scope, positional[1]).value;
      return { kind: 'tensor', id: p === 2 ? d.add('square', { op: 'square' }, { x }) : d.add('pow', { op: 'pow', attrs: { p } }, { x }) };
    }
  }
  if (owner?.kind === 'tensor' && (UNARY.has(name) || REDUCE.has(name))) {
    noKeywords();
    arity(0, 'none');
    return { kind: 'tensor', id: d.add(name, { op: name }, { x: owner.id }) };
  }
  return fail('call', { what }, fnNode);
}

/** `torch.tensor([...])` or `torch.tensor(np.arange(...))`, with `requires_grad`. */
function tensorCall(scope: Scope, positional: SyntaxNode[], keywords: Map<string, SyntaxNode>, what: string, list: SyntaxNode): PyValue {
  if (positional.length !== 1) fail('arguments', { what, expected: 'listOrArange' }, list);
  const grad = requiresGrad(scope, keywords, what);
  const arg = positional[0];
  if (arg.name === 'CallExpression') {
    const [fnNode, inner] = parts(arg);
    const { owner, name, what: innerWhat } = callee(scope, fnNode);
    if (owner?.kind === 'module' && owner.name === 'np' && name === 'arange') {
      const { positional: p, keywords: k } = args(scope, inner, innerWhat);
      return arangeLeaf(scope, p, k, innerWhat, inner, 'float64', grad);
    }
    fail('arguments', { what, expected: 'listOrArange' }, arg);
  }
  if (arg.name !== 'ArrayExpression') {
    // A single number makes a tensor of no dimensions (a scalar).
    const v = evaluate(scope, arg);
    if (v.kind !== 'number') fail('arguments', { what, expected: 'listOrArange' }, arg);
    if (v.int) fail('integerTensor', {}, arg);
    return leaf(scope, { type: 'tensor', shape: [], data: [v.value] }, scope.defaultDtype, grad, arg);
  }
  const shape: number[] = [];
  const data: number[] = [];
  let allInt = true;
  const walk = (n: SyntaxNode, depth: number) => {
    if (n.name !== 'ArrayExpression') {
      if (depth !== shape.length) fail('ragged', {}, n);
      const v = numberOf(scope, n);
      allInt &&= v.int;
      data.push(v.value);
      return;
    }
    const items = parts(n);
    if (depth === shape.length) shape.push(items.length);
    else if (depth > shape.length || shape[depth] !== items.length) fail('ragged', {}, n);
    if (items.length === 0) fail('ragged', {}, n);
    for (const item of items) walk(item, depth + 1);
  };
  walk(arg, 0);
  if (allInt) fail('integerTensor', {}, arg);
  return leaf(scope, { type: 'tensor', shape, data }, scope.defaultDtype, grad, arg);
}

/** `torch.arange(end)`, `(start, end)` or `(start, end, step)`. */
function arangeCall(scope: Scope, positional: SyntaxNode[], keywords: Map<string, SyntaxNode>, what: string, list: SyntaxNode): PyValue {
  return arangeLeaf(scope, positional, keywords, what, list, scope.defaultDtype, null);
}

function arangeLeaf(scope: Scope, positional: SyntaxNode[], keywords: Map<string, SyntaxNode>, what: string, list: SyntaxNode, dtype: Dtype, outerGrad: boolean | null): PyValue {
  if (positional.length < 1 || positional.length > 3) fail('arguments', { what, expected: 'range' }, list);
  // np.arange takes no requires_grad: torch.tensor around it does.
  const grad = outerGrad === null ? requiresGrad(scope, keywords, what) : (noKeywordsOf(keywords, what), outerGrad);
  const nums = positional.map((p) => numberOf(scope, p));
  if (nums.every((n) => n.int)) fail('integerTensor', {}, list);
  const [start, end, step] = nums.length === 1 ? [0, nums[0].value, 1] : [nums[0].value, nums[1].value, nums[2]?.value ?? 1];
  if (step === 0 || (end - start) / step <= 0) fail('arguments', { what, expected: 'stepDirection' }, list);
  return leaf(scope, { type: 'arange', start, end, step }, dtype, grad, list);
}

function noKeywordsOf(keywords: Map<string, SyntaxNode>, what: string): void {
  for (const [k, v] of keywords) throw new ImportFailure('keyword', { what, name: k }, v.from, v.to);
}

/** A leaf tensor the code made; every tensor of a graph has one dtype. */
function leaf(scope: Scope, value: NonNullable<FileNode['value']>, dtype: Dtype, grad: boolean, node: SyntaxNode): PyValue {
  const d = scope.draft;
  if (d.dtype !== null && d.dtype !== dtype) fail('mixedDtype', {}, node);
  d.dtype = dtype;
  return { kind: 'tensor', id: d.add('x', { op: 'input', value, requiresGrad: grad }) };
}
