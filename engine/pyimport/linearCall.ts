import type { SyntaxNode } from '@lezer/common';
import type { AnyOpDef } from '../ops/types';
import { formatShape } from '../tensor/shape';
import { valuesOf } from './constructors';
import { type CallArgs, evaluate, fail, floatTensor, type PyValue, type Scope, text } from './expressions';
import { shapeOf } from './reshape';

/**
 * `F.linear(x, w, b)`. The graph's `linear` holds its weight and bias itself, so `w` and `b`
 * must be leaves the script made for it (used nowhere else yet): their numbers become the
 * node's parameters and the leaves leave the graph; `w.grad` and `b.grad` are the node's.
 */
export function linearCall(scope: Scope, def: AnyOpDef, a: CallArgs, what: string, list: SyntaxNode): PyValue {
  if (a.keywords.size > 0) {
    const [name, node] = [...a.keywords][0];
    fail('keyword', { what, name, supported: 'none' }, node);
  }
  if (a.positional.length !== 3) fail('opArguments', { what, usage: `${what}(input, weight, bias)` }, list);
  const [xNode, wNode, bNode] = a.positional;
  const x = floatTensor(scope, evaluate(scope, xNode), xNode);
  const d = scope.draft;
  const own = (node: SyntaxNode) => {
    const v = floatTensor(scope, evaluate(scope, node), node);
    const leaf = d.nodes.find((n) => n.id === v.id);
    const value = leaf?.op === 'input' ? leaf.value : undefined;
    const used = d.edges.some((e) => e.source === v.id) || d.loss === v.id;
    if (!leaf || !(value?.type === 'tensor' || value?.type === 'arange') || used || node.name !== 'VariableName') fail('linearParams', { what }, node);
    return { id: v.id, name: text(scope, node), shape: shapeOf(scope, v.id, node), data: valuesOf(value) };
  };
  const w = own(wNode);
  const b = own(bNode);
  if (w.id === b.id) fail('linearParams', { what }, bNode);
  const xShape = shapeOf(scope, x.id, xNode);
  const inFeatures = w.shape[1];
  if (w.shape.length !== 2 || b.shape.length !== 1 || b.shape[0] !== w.shape[0] || xShape[xShape.length - 1] !== inFeatures) {
    fail('graph', { message: `${what}: the weight's shape ${formatShape(w.shape)}, the bias's ${formatShape(b.shape)} and the input's ${formatShape(xShape)} do not fit (weight [out, in], bias [out], input [..., in]).` }, list);
  }
  for (const p of [w, b]) d.absorb(p.id);
  const id = d.add(def.name, {
    op: def.name,
    attrs: { inFeatures, outFeatures: w.shape[0] },
    params: { weight: { shape: [...w.shape], data: w.data }, bias: { shape: [...b.shape], data: b.data } },
  }, { x: x.id });
  // The names now mean the node's own parameters: .grad still prints, any other use stops.
  scope.vars.set(w.name, { kind: 'parameterOf', node: id, name: 'weight' });
  scope.vars.set(b.name, { kind: 'parameterOf', node: id, name: 'bias' });
  return { kind: 'tensor', id };
}
