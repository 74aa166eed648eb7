import { checkLeafShape, type LeafDef, LeafError } from './leafTypes';
import type { GraphNode, InitSpec } from '../graph/types';
import { VALUE_WORDS } from '../graph/describe';
import { initOf, initTensor } from '../graph/init';
import { formatShape, sameShape, type Shape, sizeOf } from '../tensor/shape';

/** The parameter's shape (declared, or that of its values), checked against its values and the limits. */
function parameterShape(node: GraphNode): Shape {
  // Own field only: `params` is a plain record, and `value` must not come from its prototype.
  const current = node.params && Object.hasOwn(node.params, 'value') ? node.params.value : undefined;
  const declared = node.shape ?? current?.shape ?? [];
  const shape = checkLeafShape(declared, node.shape ? 'shape' : 'params.value', 'parameter');
  if (current) {
    if (!Array.isArray(current.shape) || !sameShape(current.shape, shape)) {
      throw new LeafError('param_shape', { got: Array.isArray(current.shape) ? formatShape(current.shape) : VALUE_WORDS.none, shape: formatShape(shape) }, 'params.value');
    }
    if (!current.data || current.data.length !== sizeOf(shape)) throw new LeafError('param_count', { shape: formatShape(shape), count: sizeOf(shape), got: current.data?.length ?? 0 }, 'params.value');
  }
  return shape;
}

/** The fan-in of a parameter leaf's `default` initialiser: its last axis, as nn.Linear's weight [out, in]. */
export function parameterFanIn(shape: Shape): number {
  return shape[shape.length - 1] ?? 1;
}

/** `parameter`: a trainable leaf (an `nn.Parameter`), from its current values or its initialiser. */
export const parameter: LeafDef & { readonly init: InitSpec } = {
  kind: 'leaf',
  name: 'parameter',
  group: 'data',
  formula: 'θ',
  trainable: true,
  init: { type: 'constant', value: 0 },
  start: { shape: [] },
  shape: (node) => parameterShape(node),
  value(node) {
    const shape = parameterShape(node);
    const current = node.params && Object.hasOwn(node.params, 'value') ? node.params.value : undefined;
    if (current) return { shape: [...shape], data: current.data.slice() };
    return initTensor(shape, initOf(node, parameter), parameterFanIn(shape));
  },
  requiresGrad: () => true,
};
