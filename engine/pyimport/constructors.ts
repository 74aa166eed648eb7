import type { SyntaxNode } from '@lezer/common';
import type { FileNode } from '../format/schema';
import { formatCount, MAX_TENSOR_ELEMENTS } from '../limits';
import type { Dtype } from '../tensor/float32';
import { arange, arangeLength } from '../tensor/tensor';
import { TorchGenerator } from '../tensor/torchRandom';
import { type CallArgs, args, callee, dtypeOf, evaluate, fail, numberOf, type PyValue, type Scope, type TensorValue, text, type TorchDtype } from './expressions';
import { isDevice, toTarget } from './device';
import { MODULE_PATHS } from './modules';
import { reshapeSpecOf } from './reshape';
import { parts } from './syntax';

/** A tensor a constructor makes, before it joins the graph: its numbers, PyTorch's type for it, and whether it collects a gradient. */
export interface LeafSpec {
  readonly value: Extract<NonNullable<FileNode['value']>, { type: 'tensor' | 'arange' }>;
  readonly dtype: TorchDtype;
  readonly grad: boolean;
}

/** What a cast converts to: a number type, or a device (which changes nothing the graph computes: it computes on the CPU). */
export type CastTarget = TorchDtype | 'device';

/** The methods that change a tensor's type or device; `.to(…)` takes either as its argument. */
const CAST_METHODS: Readonly<Record<string, CastTarget | null>> = { float: 'float32', double: 'float64', long: 'int64', cpu: 'device', to: null };

/** Whether a method changes a tensor's type or device (`.float()`, `.double()`, `.long()`, `.cpu()`, `.to(dtype)`, `.to(device)`). */
export function isCastMethod(name: string): boolean {
  return Object.hasOwn(CAST_METHODS, name);
}

/** The functions that make a tensor. */
const CONSTRUCTORS = new Set(['torch.tensor', 'torch.arange', 'torch.zeros', 'torch.ones', 'torch.randn', 'torch.rand']);

/** A constructor call (`torch.zeros(2, 3)`) added to the graph as an `input` leaf; null when `path` names no constructor. */
export function constructorCall(scope: Scope, path: string, a: CallArgs, what: string, list: SyntaxNode, node: SyntaxNode): PyValue | null {
  if (!CONSTRUCTORS.has(path)) return null;
  return addLeaf(scope, leafSpec(scope, path, a, what, list), node);
}

/**
 * The leaf a call makes when it is a constructor (`torch.tensor(...)`), also converted or
 * reshaped by methods right after it (`torch.tensor(...).float().view(-1, 1)`), without adding
 * it; null for any other call.
 */
export function constructorSpec(scope: Scope, node: SyntaxNode): LeafSpec | null {
  if (node.name !== 'CallExpression') return null;
  const [fnNode, list] = parts(node);
  if (fnNode.name !== 'MemberExpression') return null;
  const [objectNode, prop] = parts(fnNode);
  const method = text(scope, prop);
  if (objectNode.name === 'CallExpression' && (isCastMethod(method) || method === 'view' || method === 'reshape')) {
    const inner = constructorSpec(scope, objectNode);
    if (!inner) return null;
    return isCastMethod(method) ? castSpec(scope, inner, castTarget(scope, node), node) : reshapeSpecOf(scope, inner, node);
  }
  if (objectNode.name !== 'VariableName' || scope.vars.has(text(scope, objectNode))) return null;
  const { owner, name, what } = callee(scope, fnNode);
  if (owner?.kind !== 'module') return null;
  const path = `${MODULE_PATHS[owner.name]}.${name}`;
  if (!CONSTRUCTORS.has(path)) return null;
  return leafSpec(scope, path, args(scope, list, what), what, list);
}

function leafSpec(scope: Scope, path: string, a: CallArgs, what: string, list: SyntaxNode): LeafSpec {
  const { dtype, grad } = keywordsOf(scope, a.keywords, what);
  switch (path) {
    case 'torch.tensor':
      return tensorSpec(scope, a.positional, dtype, grad, what, list);
    case 'torch.arange':
      return arangeSpec(scope, a.positional, dtype, grad, what, list, null);
    case 'torch.randn':
    case 'torch.rand':
      return randomSpec(scope, path, a.positional, dtype, grad, what, list);
    default:
      return filledSpec(scope, a.positional, path === 'torch.ones' ? 1 : 0, dtype, grad, what, list);
  }
}

/** `requires_grad=` and `dtype=` of a constructor; any other keyword fails. */
function keywordsOf(scope: Scope, keywords: Map<string, SyntaxNode>, what: string): { dtype: TorchDtype | null; grad: boolean } {
  let grad = false;
  let dtype: TorchDtype | null = null;
  for (const [name, node] of keywords) {
    if (name === 'requires_grad') {
      const v = text(scope, node);
      if (v !== 'True' && v !== 'False') fail('arguments', { what: 'requires_grad', expected: 'trueFalse' }, node);
      grad = v === 'True';
    } else if (name === 'dtype') {
      dtype = dtypeArg(scope, node);
    } else if (name === 'device') {
      // The tensor is made on the device; the graph computes on the CPU.
      if (!isDevice(scope, node)) fail('arguments', { what: 'device=', expected: 'device' }, node);
    } else {
      fail('keyword', { what, name, supported: 'requires_grad=True, dtype=torch.float32 / torch.float64, device=device' }, node.prevSibling?.prevSibling ?? node);
    }
  }
  return { dtype, grad };
}

/** A dtype argument: torch.float32 (torch.float), torch.float64 (torch.double), torch.int64 (torch.long) or `x.dtype`. */
function dtypeArg(scope: Scope, node: SyntaxNode): TorchDtype {
  const v = evaluate(scope, node);
  if (v.kind !== 'dtype') fail('dtype', { name: text(scope, node) }, node);
  return v.dtype;
}

/** A float tensor's type when the code names none: the default dtype. */
function floatDtype(scope: Scope, dtype: TorchDtype | null, ints: boolean): TorchDtype {
  return dtype ?? (ints ? 'int64' : scope.defaultDtype);
}

/** `torch.tensor([...])`, `torch.tensor(2.0)` or `torch.tensor(np.arange(...))`. */
function tensorSpec(scope: Scope, positional: SyntaxNode[], dtype: TorchDtype | null, grad: boolean, what: string, list: SyntaxNode): LeafSpec {
  if (positional.length !== 1) fail('arguments', { what, expected: 'listOrArange' }, list);
  const arg = positional[0];
  if (arg.name === 'CallExpression') {
    const [fnNode, inner] = parts(arg);
    const { owner, name, what: innerWhat } = callee(scope, fnNode);
    if (owner?.kind === 'module' && owner.name === 'np' && name === 'arange') {
      const { positional: p, keywords: k } = args(scope, inner, innerWhat);
      for (const [key, v] of k) fail('keyword', { what: innerWhat, name: key, supported: 'none' }, v);
      // NumPy's type: float64, or int64 for whole numbers; torch.tensor keeps it unless dtype= says otherwise.
      return arangeSpec(scope, p, dtype, grad, innerWhat, inner, 'float64');
    }
    fail('arguments', { what, expected: 'listOrArange' }, arg);
  }
  if (arg.name !== 'ArrayExpression') {
    // A single number makes a tensor of no dimensions (a scalar).
    const v = evaluate(scope, arg);
    if (v.kind !== 'number') fail('arguments', { what, expected: 'listOrArange' }, arg);
    return checked({ value: { type: 'tensor', shape: [], data: [v.value] }, dtype: floatDtype(scope, dtype, v.int), grad }, arg);
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
  return checked({ value: { type: 'tensor', shape, data }, dtype: floatDtype(scope, dtype, allInt), grad }, arg);
}

/** `torch.arange(end)`, `(start, end)` or `(start, end, step)`; `numpyFloat` for np.arange, whose floats are float64. */
function arangeSpec(scope: Scope, positional: SyntaxNode[], dtype: TorchDtype | null, grad: boolean, what: string, list: SyntaxNode, numpyFloat: Dtype | null): LeafSpec {
  if (positional.length < 1 || positional.length > 3) fail('arguments', { what, expected: 'range' }, list);
  const nums = positional.map((p) => numberOf(scope, p));
  const [start, end, step] = nums.length === 1 ? [0, nums[0].value, 1] : [nums[0].value, nums[1].value, nums[2]?.value ?? 1];
  if (step === 0 || (end - start) / step <= 0) fail('arguments', { what, expected: 'stepDirection' }, list);
  const ints = nums.every((n) => n.int);
  const type = dtype ?? (ints ? 'int64' : (numpyFloat ?? scope.defaultDtype));
  return checked({ value: { type: 'arange', start, end, step }, dtype: type, grad }, list);
}

/** Sizes as PyTorch takes them: `2, 3`, `(2, 3)` or `[2, 3]`. */
export function sizesOf(scope: Scope, positional: SyntaxNode[], what: string, list: SyntaxNode): number[] {
  const items = positional.length === 1 && ['TupleExpression', 'ArrayExpression'].includes(positional[0].name) ? parts(positional[0]) : positional;
  const sizes = items.map((n) => {
    const v = numberOf(scope, n);
    if (!v.int || v.value < 0) fail('arguments', { what, expected: 'sizes' }, n);
    return v.value;
  });
  const count = sizes.reduce((p, s) => p * s, 1);
  if (count > MAX_TENSOR_ELEMENTS) fail('graph', { message: `${what} would make ${formatCount(count)} numbers; a tensor holds at most ${formatCount(MAX_TENSOR_ELEMENTS)}.` }, list);
  return sizes;
}

/** `torch.zeros(...)` and `torch.ones(...)`. */
function filledSpec(scope: Scope, positional: SyntaxNode[], fill: number, dtype: TorchDtype | null, grad: boolean, what: string, list: SyntaxNode): LeafSpec {
  const shape = sizesOf(scope, positional, what, list);
  const data = new Array<number>(shape.reduce((p, s) => p * s, 1)).fill(fill);
  return checked({ value: { type: 'tensor', shape, data }, dtype: dtype ?? scope.defaultDtype, grad }, list);
}

/** `torch.randn(...)` or `torch.rand(...)` after `torch.manual_seed(s)`: PyTorch's own numbers. */
function randomSpec(scope: Scope, path: string, positional: SyntaxNode[], dtype: TorchDtype | null, grad: boolean, what: string, list: SyntaxNode): LeafSpec {
  const shape = sizesOf(scope, positional, what, list);
  const type = dtype ?? scope.defaultDtype;
  if (type === 'int64') fail('dtype', { name: 'torch.int64' }, list);
  if (!scope.generator) fail('seed', { what }, list);
  const n = shape.reduce((p, s) => p * s, 1);
  const data = path === 'torch.rand' ? scope.generator.uniform(n, 0, 1, type) : scope.generator.randn(n, type);
  return checked({ value: { type: 'tensor', shape, data: Array.from(data) }, dtype: type, grad }, list);
}

/** PyTorch's refusal of an integer tensor that requires grad ("Only Tensors of floating point dtype can require gradients"). */
function checked(spec: LeafSpec, node: SyntaxNode): LeafSpec {
  if (spec.dtype === 'int64') {
    if (spec.grad) fail('integerTensor', {}, node);
    // An integer type keeps whole numbers (dtype=torch.int64 on floats truncates them).
    if (spec.value.type === 'tensor') return { ...spec, value: { ...spec.value, data: spec.value.data.map(Math.trunc) } };
  }
  return spec;
}

/** Adds a leaf to the graph; every float tensor of a graph has its one dtype. */
export function addLeaf(scope: Scope, spec: LeafSpec, node: SyntaxNode): TensorValue {
  const d = scope.draft;
  if (spec.dtype === 'int64') return { kind: 'tensor', id: d.add('x', { op: 'input', value: spec.value }), integer: 'int64' };
  useDtype(scope, spec.dtype, node);
  return { kind: 'tensor', id: d.add('x', { op: 'input', value: spec.value, requiresGrad: spec.grad }) };
}

/** Records that a float tensor of `dtype` exists; fails when the graph already computes in the other. */
function useDtype(scope: Scope, dtype: Dtype, node: SyntaxNode): void {
  const d = scope.draft;
  if (d.dtype !== null && d.dtype !== dtype) fail('dtypeMismatch', { what: text(scope, node), dtype, graph: d.dtype }, node);
  d.dtype = dtype;
}

/** `torch.manual_seed(s)`: PyTorch's generator restarted from `s`. */
export function manualSeed(scope: Scope, a: CallArgs, what: string, list: SyntaxNode): PyValue {
  if (a.positional.length !== 1 || a.keywords.size > 0) fail('arguments', { what, expected: 'seed' }, list);
  const seed = numberOf(scope, a.positional[0]);
  if (!seed.int || !Number.isSafeInteger(seed.value)) fail('arguments', { what, expected: 'seed' }, a.positional[0]);
  scope.generator = new TorchGenerator(seed.value % 4294967296);
  return { kind: 'generator' };
}

/**
 * `.float()`, `.double()`, `.long()`, `.to(dtype)`: a tensor being made takes the type; a tensor
 * that exists keeps its node. `.to(device)` and `.cpu()`, on a tensor or a model, change nothing
 * the graph computes.
 */
export function castCall(scope: Scope, node: SyntaxNode): PyValue {
  const spec = constructorSpec(scope, node);
  if (spec) return addLeaf(scope, spec, node);
  const [objectNode] = parts(parts(node)[0]);
  const target = castTarget(scope, node);
  const v = evaluate(scope, objectNode);
  if (v.kind === 'model' && target === 'device') return v;
  if (v.kind !== 'tensor') fail('notTensor', { name: text(scope, objectNode) }, objectNode);
  return castTensor(scope, v, target, node);
}

/** The type or device a cast call converts to: `.to(x)` takes a type or a device, `.to(dtype=…)` a type, `.to(device=…)` a device. */
function castTarget(scope: Scope, node: SyntaxNode): CastTarget {
  const [fnNode, list] = parts(node);
  const what = text(scope, fnNode);
  const a = args(scope, list, what);
  const target = CAST_METHODS[text(scope, parts(fnNode)[1])];
  if (target !== null) {
    if (a.positional.length > 0 || a.keywords.size > 0) fail('arguments', { what, expected: 'none' }, list);
    return target;
  }
  const [keyword] = [...a.keywords.keys()];
  const arg = a.positional.length === 1 && a.keywords.size === 0 ? a.positional[0] : a.positional.length === 0 && a.keywords.size === 1 ? a.keywords.get(keyword) : undefined;
  if (!arg) return fail('arguments', { what, expected: 'dtypeOrDevice' }, list);
  if (keyword === 'dtype') return dtypeArg(scope, arg);
  if (keyword === 'device' && !isDevice(scope, arg)) fail('arguments', { what: 'device=', expected: 'device' }, arg);
  if (keyword === 'device') return 'device';
  if (keyword !== undefined) fail('keyword', { what, name: keyword, supported: 'dtype=, device=' }, arg.prevSibling?.prevSibling ?? arg);
  return toTarget(scope, arg, what);
}

/** A tensor being made, converted before it joins the graph (PyTorch converts the numbers; a tensor that requires grad would stop being a leaf). */
function castSpec(scope: Scope, spec: LeafSpec, target: CastTarget, node: SyntaxNode): LeafSpec {
  if (target === 'device' || spec.dtype === target) return spec;
  if (spec.grad) fail('castGrad', { what: text(scope, node) }, node);
  if (target === 'int64') return checked({ ...spec, value: { type: 'tensor', shape: shapeOfValue(spec.value), data: valuesOf(spec.value) }, dtype: 'int64' }, node);
  // float32 numbers stay what they are in float64; float64 ones round where the graph computes in float32.
  if (spec.dtype === 'float32' && target === 'float64') return { ...spec, value: { type: 'tensor', shape: shapeOfValue(spec.value), data: valuesOf(spec.value).map(Math.fround) }, dtype: target };
  return { ...spec, dtype: target };
}

/** A tensor of the graph seen with another type: the same node when the graph can hold it so. */
function castTensor(scope: Scope, t: TensorValue, target: CastTarget, node: SyntaxNode): TensorValue {
  if (target === 'device') return t;
  if (target === 'int64') {
    if (t.integer) return { kind: 'tensor', id: t.id, integer: 'int64' };
    // Class labels written as floats: the same leaf, when every number in it is whole.
    const leaf = scope.draft.nodes.find((n) => n.id === t.id);
    const value = leaf?.op === 'input' ? leaf.value : undefined;
    if ((value?.type === 'tensor' || value?.type === 'arange') && valuesOf(value).every(Number.isInteger)) return { kind: 'tensor', id: t.id, integer: 'int64' };
    return fail('long', { what: text(scope, node) }, node);
  }
  if (t.integer) {
    useDtype(scope, target, node);
    return { kind: 'tensor', id: t.id };
  }
  const current = dtypeOf(scope, t);
  if (current !== target) fail('dtypeMismatch', { what: text(scope, node), dtype: target, graph: current }, node);
  return t;
}

/** The shape of a tensor or arange value. */
export function shapeOfValue(value: LeafSpec['value']): number[] {
  return value.type === 'tensor' ? [...value.shape] : [arangeLength(value.start, value.end, value.step)];
}

/** The numbers of a tensor or arange value, in order. */
export function valuesOf(value: LeafSpec['value']): number[] {
  return value.type === 'tensor' ? [...value.data] : Array.from(arange(value.start, value.end, value.step).data);
}
