import type { LeafDef } from './leafTypes';
import { initTensor } from '../graph/init';
import { checkRank, sameShape, formatShape } from '../tensor/shape';

/** `parameter`: a trainable leaf (an `nn.Parameter`), from its current values or its initialiser. */
export const parameter: LeafDef = {
  kind: 'leaf',
  name: 'parameter',
  group: 'data',
  formula: 'θ',
  trainable: true,
  value(node) {
    const shape = node.shape ?? node.params?.value?.shape ?? [];
    checkRank(shape);
    const current = node.params?.value;
    if (current) {
      if (!sameShape(current.shape, shape)) {
        throw new Error(`values have shape ${formatShape(current.shape)} but the parameter is ${formatShape(shape)}`);
      }
      return { shape: [...shape], data: current.data.slice() };
    }
    return initTensor(shape, node.init ?? { type: 'constant', value: 0 }, shape[shape.length - 1] ?? 1);
  },
  requiresGrad: () => true,
};
