import type { Dataset, GraphNode } from '../graph/types';
import type { Tensor } from '../tensor/tensor';

/** What a leaf may read when it is resolved. */
export interface LeafContext {
  readonly datasets: Readonly<Record<string, Dataset>>;
  /** When set, dataset-bound inputs take only this many leading rows (a mini-batch buffer). */
  readonly batchRows?: number;
}

/** A leaf node kind: no inputs, a value resolved at compile time. */
export interface LeafDef {
  readonly kind: 'leaf';
  readonly name: string;
  readonly group: 'data';
  readonly formula: string;
  /** True for leaves the optimizer updates. */
  readonly trainable: boolean;
  /** The leaf's value; throws an Error with a plain-language message when it cannot be built. */
  value(node: GraphNode, ctx: LeafContext): Tensor;
  /** Whether the leaf collects a gradient. */
  requiresGrad(node: GraphNode): boolean;
}
