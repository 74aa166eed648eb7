import { broadcastIndex } from '../tensor/broadcast';
import { broadcastShapes, type Shape, sizeOf } from '../tensor/shape';
import type { OpRecipe } from './recipe';
import type { CompileShapes, PortSpec } from './types';
import { f32 } from '../tensor/float32';
import { addSummedTo } from './float32';

/** Index maps of a broadcasting binary op (both null when the shapes match), the shapes, and float32's scratch. */
export interface BinaryCtx {
  readonly ia: Int32Array | null;
  readonly ib: Int32Array | null;
  readonly shapes: CompileShapes;
  /** When an operand is broadcast: its gradient at the output's shape, and summed to its own (float32 backward). */
  readonly full: Float64Array | null;
  readonly reduced: Float64Array | null;
}

/** How tests build add, sub and mul: any operand, a second one broadcast against it or the constant `c`, in either order. */
export const binaryRecipe: OpRecipe = {
  inputs: { a: { type: 'operand' }, b: { type: 'broadcast', of: 'a' } },
  attrs: { c: { type: 'signed', min: 0.1, max: 2 } },
  defaults: 0.2,
  swap: true,
};

/** Ports `a` and `b`, where an unconnected `b` takes the scalar attribute `c`. */
export const binaryPorts: readonly PortSpec[] = [{ name: 'a' }, { name: 'b', fallbackAttr: 'c' }];

/** Shape rule of a broadcasting binary op. */
export function binaryShape(inputs: readonly Shape[]): Shape {
  return broadcastShapes(inputs[0], inputs[1]);
}

/** Index maps for a broadcasting binary op; identity maps when only one side broadcasts. */
export function prepareBinary(shapes: CompileShapes): BinaryCtx {
  const { inputs, output } = shapes;
  const ia = broadcastIndex(inputs[0], output);
  const ib = broadcastIndex(inputs[1], output);
  if (ia === null && ib === null) return { ia, ib, shapes, full: null, reduced: null };
  const identity = (): Int32Array => Int32Array.from({ length: sizeOf(output) }, (_, i) => i);
  const n = sizeOf(output);
  return { ia: ia ?? identity(), ib: ib ?? identity(), shapes, full: new Float64Array(n), reduced: new Float64Array(n) };
}

/** y[i] = f32(op(a, b)) over the output, reading each operand through its index map. */
export function binaryForward32(a: Float64Array, b: Float64Array, y: Float64Array, { ia, ib }: BinaryCtx, op: (a: number, b: number) => number): void {
  if (ia === null || ib === null) {
    for (let i = 0; i < y.length; i++) y[i] = f32(op(a[i], b[i]));
  } else {
    for (let i = 0; i < y.length; i++) y[i] = f32(op(a[ia[i]], b[ib[i]]));
  }
}

/**
 * Adds operand `port`'s float32 gradient into `gx`: `local(i)` is its gradient at output
 * element i (already rounded), summed down to the operand's shape as PyTorch's sum_to does.
 */
export function binaryBackward32(ctx: BinaryCtx, port: 0 | 1, gx: Float64Array | null, local: (i: number) => number): void {
  if (!gx) return;
  const { full, reduced, shapes } = ctx;
  if (!full || !reduced) {
    for (let i = 0; i < gx.length; i++) gx[i] = f32(gx[i] + local(i));
    return;
  }
  for (let i = 0; i < full.length; i++) full[i] = local(i);
  addSummedTo(full, shapes.output, shapes.inputs[port], reduced, gx);
}

/** Formats a number as a Python literal. */
export function pyNumber(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "float('-inf')";
  if (Object.is(v, -0)) return '-0.0';
  return Number.isInteger(v) && Math.abs(v) < 1e16 ? `${v}.0` : String(v);
}
