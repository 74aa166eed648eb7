import type { Dataset, GraphNode, InitSpec, LeafValue } from '../graph/types';
import { formatCount, MAX_TENSOR_ELEMENTS, overLimit } from '../limits';
import { formatShape, MAX_RANK, type Shape, sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';

/** What a leaf may read when it is resolved. */
export interface LeafContext {
  readonly datasets: Readonly<Record<string, Dataset>>;
  /** When set, dataset-bound inputs take only this many leading rows (a mini-batch buffer). */
  readonly batchRows?: number;
}

/**
 * Why a leaf cannot be built, in words a learner reads on the node. `field` is the node's
 * field at fault (`value`, `shape`, `params.value`); `tooLarge` marks a size limit.
 */
export class LeafError extends Error {
  constructor(
    message: string,
    readonly field?: string,
    readonly tooLarge = false,
  ) {
    super(message);
    this.name = 'LeafError';
  }
}

/** A leaf node kind: no inputs, a value resolved at compile time. */
export interface LeafDef {
  readonly kind: 'leaf';
  readonly name: string;
  readonly group: 'data';
  readonly formula: string;
  /** True for leaves the optimizer updates. */
  readonly trainable: boolean;
  /** How a trainable leaf's values start when the node names no initialiser. */
  readonly init?: InitSpec;
  /** What a node of this leaf holds when it is added to a graph: an input's value 0, a constant's 1, a parameter's scalar shape. */
  readonly start: { readonly value?: LeafValue; readonly shape?: Shape };
  /**
   * The leaf's shape, checked (limits included) without allocating anything; throws a
   * LeafError. Absent on leaves whose value is the node's `value` field (see leafValueShape).
   */
  shape?(node: GraphNode, ctx: LeafContext): Shape;
  /** The leaf's value; throws an Error with a plain-language message when it cannot be built. */
  value(node: GraphNode, ctx: LeafContext): Tensor;
  /** Whether the leaf collects a gradient. */
  requiresGrad(node: GraphNode): boolean;
}

/**
 * Checks a leaf's shape before anything of that shape is allocated: whole non-negative
 * lengths, rank at most MAX_RANK, and at most MAX_TENSOR_ELEMENTS elements.
 */
export function checkLeafShape(shape: unknown, field: string, what: string): Shape {
  if (!Array.isArray(shape)) throw new LeafError(`${what} has no shape`, field);
  if (shape.length > MAX_RANK) throw new LeafError(`${what} has rank ${shape.length}, above the maximum of ${MAX_RANK}`, field);
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new LeafError(`${what} has an axis length of ${typeof d === 'number' ? d : `a ${typeof d}`}; lengths are whole numbers from 0`, field);
    }
  }
  const n = sizeOf(shape);
  if (n > MAX_TENSOR_ELEMENTS) {
    throw new LeafError(`${what} ${formatShape(shape)} would have ${formatCount(n)} elements, ${overLimit(MAX_TENSOR_ELEMENTS, 'elements')}`, field, true);
  }
  return shape as Shape;
}
