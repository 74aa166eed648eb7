import type { SyntaxNode } from '@lezer/common';
import { OPS } from '../ops/registry';
import type { AttrValue } from '../graph/types';
import type { AnyOpDef, AttrSpec, TorchArg } from '../ops/types';
import { normalizeAxis } from '../tensor/shape';
import { type CallArgs, evaluate, fail, numberOf, type PyValue, type Scope, type TensorValue, text } from './expressions';
import { linearCall } from './linearCall';
import { shapeOf } from './reshape';
import { parts } from './syntax';

/** Every op a PyTorch function calls, by the function's full path (`torch.nn.functional.relu`). */
const BY_FUNCTION = new Map<string, AnyOpDef>(OPS.flatMap((d) => (d.torchCall?.functions ?? []).map((f) => [f, d] as const)));
/** Every op a tensor method calls, by the method's name (`x.relu()`). */
const BY_METHOD = new Map<string, AnyOpDef>(OPS.flatMap((d) => (d.torchCall?.methods ?? []).map((m) => [m, d] as const)));

/** The op a PyTorch function is, or undefined. */
export function findFunctionOp(path: string): AnyOpDef | undefined {
  return BY_FUNCTION.get(path);
}

/** The op a tensor method is, or undefined. */
export function findMethodOp(name: string): AnyOpDef | undefined {
  return BY_METHOD.get(name);
}

/** How a call of the op is written, for messages: `torch.nn.functional.mse_loss(input, target, reduction=)`. */
function signature(def: AnyOpDef, what: string, method: boolean): string {
  const ports = def.inputs.map((p) => p.name).slice(method ? 1 : 0);
  const rest = (def.torchCall?.args ?? []).map((a) => `${a.keyword}=`);
  return `${what}(${[...ports, ...rest].join(', ')})`;
}

/**
 * A call of an op by its PyTorch function or method: its ports from the tensors given (a
 * number on a port with a constant), then its attributes by position or keyword as the op's
 * `torchCall` names them. Adds the op's node.
 */
export function opCall(scope: Scope, def: AnyOpDef, owner: TensorValue | null, a: CallArgs, what: string, list: SyntaxNode): PyValue {
  const spec = def.torchCall;
  if (!spec) return fail('call', { what }, list);
  if (spec.paramArgs) return linearCall(scope, def, a, what, list);
  const usage = signature(def, what, owner !== null);
  const inputs: Record<string, string> = {};
  const attrs: Record<string, AttrValue> = {};
  const positional = [...a.positional];
  let first: string | undefined;
  def.inputs.forEach((port, i) => {
    const node = i === 0 && owner ? null : positional.shift();
    if (i === 0 && owner) {
      inputs[port.name] = portTensor(scope, def, port.name, owner, list);
      first = owner.id;
      return;
    }
    if (!node) return fail('opArguments', { what, usage }, list);
    const v = evaluate(scope, node);
    if (v.kind === 'number' && port.fallbackAttr) {
      attrs[port.fallbackAttr] = v.value;
      return;
    }
    if (v.kind !== 'tensor') return fail('notTensor', { name: text(scope, node) }, node);
    inputs[port.name] = portTensor(scope, def, port.name, v, node);
    if (i === 0) first = v.id;
  });
  const argSpecs = spec.args ?? [];
  if (positional.length > argSpecs.length) fail('opArguments', { what, usage }, positional[argSpecs.length]);
  const given = new Map<TorchArg, SyntaxNode>(positional.map((n, k) => [argSpecs[k], n]));
  for (const [name, node] of a.keywords) {
    const arg = argSpecs.find((s) => s.keyword === name);
    if (!arg) fail('keyword', { what, name, supported: argSpecs.map((s) => `${s.keyword}=`).join(', ') || 'none' }, node.prevSibling?.prevSibling ?? node);
    if (given.has(arg)) fail('opArguments', { what, usage }, node);
    given.set(arg, node);
  }
  for (const arg of argSpecs) {
    const node = given.get(arg);
    if (!node) {
      if (arg.required) fail('opArguments', { what, usage }, list);
      continue;
    }
    const attr = def.attrs.find((s) => s.name === arg.attr) as AttrSpec;
    attrs[arg.attr] = attrValue(scope, attr, arg, node, first as string, what);
  }
  const id = scope.draft.add(def.name, Object.keys(attrs).length > 0 ? { op: def.name, attrs } : { op: def.name }, inputs);
  const result: TensorValue = spec.result ? { kind: 'tensor', id, integer: spec.result } : { kind: 'tensor', id };
  if (spec.valuesIndices && attrs.axis != null) return { kind: 'valuesIndices', values: result, x: first as string, attrs: attrs as Record<string, number | boolean | null> };
  return result;
}

/** A tensor on a port: integer tensors only where PyTorch takes them (class labels, comparisons, argmax), and labels only as integers. */
function portTensor(scope: Scope, def: AnyOpDef, port: string, v: TensorValue, node: SyntaxNode): string {
  const wantsInteger = def.torchCall?.integerPorts?.includes(port) ?? false;
  if (wantsInteger && v.integer !== 'int64') fail('labels', { what: text(scope, node) }, node);
  const takesAny = def.inputs.find((p) => p.name === port)?.differentiable === false;
  if (v.integer && !wantsInteger && !takesAny) fail('integerTensor', {}, node);
  return v.id;
}

/** An attribute's value from its Python argument, by the attribute's type. */
function attrValue(scope: Scope, attr: AttrSpec, arg: TorchArg, node: SyntaxNode, x: string, what: string): AttrValue {
  const raw = text(scope, node);
  switch (attr.type) {
    case 'boolean':
      if (raw !== 'True' && raw !== 'False') fail('arguments', { what: `${arg.keyword}=`, expected: 'trueFalse' }, node);
      return raw === 'True';
    case 'enum': {
      const m = /^(['"])(.*)\1$/.exec(raw);
      if (node.name !== 'String' || !m || !attr.values.includes(m[2])) fail('choice', { what: `${what}: ${arg.keyword}=`, values: attr.values.map((v) => `'${v}'`).join(', ') }, node);
      return m[2];
    }
    case 'integer': {
      if (raw === 'None' && attr.default === null) return null;
      if (arg.allAxes && (node.name === 'TupleExpression' || node.name === 'CallExpression')) return everyAxis(scope, node, x, what);
      const v = numberOf(scope, node);
      if (!v.int) fail('arguments', { what: `${arg.keyword}=`, expected: 'integer' }, node);
      return v.value;
    }
    case 'number':
      return numberOf(scope, node).value;
    case 'shape':
      // Sizes are read by the reshape calls themselves (reshape.ts), never as a keyword.
      return fail('arguments', { what: `${arg.keyword}=`, expected: 'sizesOrMinusOne' }, node);
  }
}

/** `dim=(0, 1)` or `dim=tuple(range(x.dim()))`: every axis of `x` means null; one axis is that axis. */
function everyAxis(scope: Scope, node: SyntaxNode, x: string, what: string): number | null {
  const rank = shapeOf(scope, x, node).length;
  const axes = axisList(scope, node, what);
  const normal = axes.map((k) => (k >= -rank && k < rank ? normalizeAxis(k, rank) : fail('arguments', { what: 'dim=', expected: 'axes' }, node)));
  if (new Set(normal).size === rank && normal.length === rank) return null;
  if (normal.length === 1) return axes[0];
  return fail('arguments', { what: 'dim=', expected: 'axes' }, node);
}

/** The axes of a tuple of numbers, or of `tuple(range(n))`. */
function axisList(scope: Scope, node: SyntaxNode, what: string): number[] {
  if (node.name === 'TupleExpression') return parts(node).map((n) => intOf(scope, n));
  const [fn, list] = parts(node);
  const inner = parts(list);
  if (text(scope, fn) === 'tuple' && inner.length === 1 && inner[0].name === 'CallExpression') {
    const [rangeFn, rangeList] = parts(inner[0]);
    const bounds = parts(rangeList);
    if (text(scope, rangeFn) === 'range' && bounds.length === 1) return Array.from({ length: intOf(scope, bounds[0]) }, (_, k) => k);
  }
  return fail('arguments', { what: `${what} dim=`, expected: 'axes' }, node);
}

function intOf(scope: Scope, node: SyntaxNode): number {
  const v = numberOf(scope, node);
  if (!v.int) fail('arguments', { what: 'dim=', expected: 'axes' }, node);
  return v.value;
}
