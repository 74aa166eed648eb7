import type { LeafDef } from './leafTypes';
import { leafTensor } from './input';

/** `constant`: a fixed tensor that never collects a gradient. */
export const constant: LeafDef = {
  kind: 'leaf',
  name: 'constant',
  group: 'data',
  formula: 'c',
  trainable: false,
  value: (node, ctx) => leafTensor(node.value, ctx),
  requiresGrad: () => false,
};
