import { broadcastIndex } from '../tensor/broadcast';
import { broadcastShapes, type Shape, sizeOf } from '../tensor/shape';
import type { OpRecipe } from './recipe';
import type { CompileShapes, PortSpec } from './types';

/** Index maps of a broadcasting binary op: both null when the shapes match. */
export interface BinaryCtx {
  readonly ia: Int32Array | null;
  readonly ib: Int32Array | null;
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
export function prepareBinary({ inputs, output }: CompileShapes): BinaryCtx {
  const ia = broadcastIndex(inputs[0], output);
  const ib = broadcastIndex(inputs[1], output);
  if (ia === null && ib === null) return { ia, ib };
  const identity = (): Int32Array => Int32Array.from({ length: sizeOf(output) }, (_, i) => i);
  return { ia: ia ?? identity(), ib: ib ?? identity() };
}

/** Formats a number as a Python literal. */
export function pyNumber(v: number): string {
  if (Number.isNaN(v)) return "float('nan')";
  if (v === Infinity) return "float('inf')";
  if (v === -Infinity) return "float('-inf')";
  if (Object.is(v, -0)) return '-0.0';
  return Number.isInteger(v) && Math.abs(v) < 1e16 ? `${v}.0` : String(v);
}
