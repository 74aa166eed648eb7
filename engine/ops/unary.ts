import type { Shape } from '../tensor/shape';
import type { PortSpec } from './types';

/** The single input port `x` of an elementwise op. */
export const unaryPorts: readonly PortSpec[] = [{ name: 'x' }];

/** Shape rule of an elementwise op: the output has the input's shape. */
export function sameAsInput(inputs: readonly Shape[]): Shape {
  return inputs[0];
}

/** Compile step of ops that need no context. */
export function noContext(): undefined {
  return undefined;
}
