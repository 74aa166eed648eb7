import { sameShape, type Shape, sizeOf } from '../tensor/shape';

/**
 * An estimate from above of the elements an op's compile-time buffers hold, so the program's
 * total can be checked before anything is allocated: index maps the size of the output when
 * an operand is broadcast (binary ops, matmul's batches), and a copy of the largest operand
 * when several operands reduce to a scalar (cross_entropy keeps its probabilities).
 * Single-operand ops and elementwise ops of matching shapes hold none.
 */
export function scratchElements(inputs: readonly Shape[], output: Shape): number {
  if (inputs.length < 2) return 0;
  let n = inputs.some((x) => !sameShape(x, output)) ? 4 * sizeOf(output) : 0;
  if (output.length === 0) n += 2 * Math.max(...inputs.map(sizeOf));
  return n;
}
