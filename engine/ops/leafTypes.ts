import type { Dataset, GraphNode, InitSpec, LeafValue } from '../graph/types';
import { formatCount, MAX_TENSOR_ELEMENTS } from '../limits';
import { fillReason, type ReasonParams } from '../tensor/reason';
import { formatShape, MAX_RANK, type Shape, sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { LEAF_REASONS, type LeafReason, type LeafWhat } from '../graph/problemReasons';
import { describeValue } from '../graph/describe';

/** What a leaf may read when it is resolved. */
export interface LeafContext {
  readonly datasets: Readonly<Record<string, Dataset>>;
  /** When set, dataset-bound inputs take only this many leading rows (a mini-batch buffer). */
  readonly batchRows?: number;
}



/**
 * Why a leaf cannot be built, as a reason and its parameters a learner reads on the node.
 * `field` is the node's field at fault (`value`, `shape`, `params.value`); `tooLarge` marks a size limit.
 */
export class LeafError extends Error {
  constructor(
    readonly reason: LeafReason,
    readonly params: ReasonParams,
    readonly field?: string,
    readonly tooLarge = false,
  ) {
    super(fillReason(LEAF_REASONS[reason], params));
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
export function checkLeafShape(shape: unknown, field: string, what: LeafWhat): Shape {
  if (!Array.isArray(shape)) throw new LeafError('no_shape', { what }, field);
  if (shape.length > MAX_RANK) throw new LeafError('rank_too_high', { what, rank: shape.length, max: MAX_RANK }, field);
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new LeafError('bad_axis_length', { what, length: typeof d === 'number' ? d : describeValue(d) }, field);
    }
  }
  const n = sizeOf(shape);
  if (n > MAX_TENSOR_ELEMENTS) {
    throw new LeafError('too_many_elements', { what, shape: formatShape(shape), count: formatCount(n), limit: formatCount(MAX_TENSOR_ELEMENTS) }, field, true);
  }
  return shape as Shape;
}
