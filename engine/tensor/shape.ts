import { fillReason, type ReasonParams } from './reason';

/** A tensor's shape: one length per axis, rank 0 (a scalar) to 4. */
export type Shape = readonly number[];

/** The highest rank a tensor may have. */
export const MAX_RANK = 4;

/** Every sentence a shape rule can refuse with, in English, by reason; the page words each reason in its own language. */
export const SHAPE_REASONS = {
  broadcast: 'shapes {a} and {b} cannot be broadcast together',
  axis_out_of_range: 'axis {axis} is out of range for a tensor of rank {rank}',
  rank_too_high: 'rank {rank} is above the maximum of {max}',
  same_shape: '{op} needs input and target of the same shape, got {a} and {b}',
  matmul_rank: 'matmul needs tensors of rank 1 or more, got {a} and {b}',
  matmul_inner: 'matmul shapes {a} and {b} do not line up ({left} ≠ {right})',
  softmax_scalar: 'softmax needs a tensor of rank 1 or more, got a scalar',
  linear_features: 'linear expects x with last axis of length inFeatures = {inFeatures}, got {x}',
  cross_entropy_shapes: 'cross_entropy needs logits [N, C] and labels [N], got {a} and {b}',
  empty_reduction: '{op} of an empty tensor {x} has no value',
  empty_reduction_axis: '{op} of an empty tensor {x} along axis {axis} has no value',
  reshape_count: 'shape {shape} does not fit an input {x} of {count} elements',
} as const;

/** Why a shape rule refused its inputs. */
export type ShapeReason = keyof typeof SHAPE_REASONS;

/** Thrown by shape rules with a reason and its parameters; the executor turns it into a `shape_mismatch` problem. */
export class ShapeError extends Error {
  constructor(
    readonly reason: ShapeReason,
    readonly params: ReasonParams = {},
  ) {
    super(fillReason(SHAPE_REASONS[reason], params));
    this.name = 'ShapeError';
  }
}

/** Number of elements in a tensor of this shape (1 for a scalar). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a shape. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** `[2, 3]` style text for messages. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/**
 * The shape `target` gives the elements of a tensor of shape `from`, as x.reshape(target) does:
 * a -1 takes what the other lengths leave. A ShapeError when the element counts differ, or when
 * a -1 cannot be worked out (the others leave a fraction, or are 0, as PyTorch refuses them too).
 */
export function reshapeTo(from: Shape, target: readonly number[]): number[] {
  const count = sizeOf(from);
  const free = target.filter((d) => d === -1).length;
  const known = target.reduce((p, d) => (d === -1 ? p : p * d), 1);
  const shape = target.map((d) => (d === -1 ? (known === 0 ? NaN : count / known) : d));
  if (free > 1 || !shape.every(Number.isInteger) || sizeOf(shape) !== count) {
    throw new ShapeError('reshape_count', { shape: formatShape(target), x: formatShape(from), count });
  }
  return shape;
}

/** True when both shapes have the same rank and lengths. */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** The NumPy/PyTorch broadcast of two shapes, or a ShapeError naming both. */
export function broadcastShapes(a: Shape, b: Shape): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError('broadcast', { a: formatShape(a), b: formatShape(b) });
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Normalises a possibly negative axis against a rank, or throws a ShapeError. */
export function normalizeAxis(axis: number, rank: number): number {
  const r = Math.max(rank, 1);
  if (!Number.isInteger(axis) || axis < -r || axis >= r) {
    throw new ShapeError('axis_out_of_range', { axis, rank });
  }
  return axis < 0 ? axis + r : axis;
}

/** Throws a ShapeError when a shape's rank exceeds MAX_RANK. */
export function checkRank(shape: Shape): void {
  if (shape.length > MAX_RANK) throw new ShapeError('rank_too_high', { rank: shape.length, max: MAX_RANK });
}
