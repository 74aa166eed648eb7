import type { LeafDef } from './leafTypes';
import { leafTensor } from './input';

/** `constant`: a fixed tensor that never collects a gradient. */
export const constant: LeafDef = {
  kind: 'leaf',
  name: 'constant',
  group: 'data',
  formula: 'c',
  trainable: false,
  start: { value: { type: 'tensor', shape: [], data: [1] } },
  value: (node, ctx) => leafTensor(node.value, ctx),
  requiresGrad: () => false,
};
