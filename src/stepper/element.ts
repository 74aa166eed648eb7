import type { Shape } from '../../engine';
import { indexText } from '../panels/tensorLayout';

/** One element's name as PyTorch indexes it: `x[3]`, `W[0, 1]`, or the bare name for a scalar. */
export function elementName(name: string, shape: Shape, index: number): string {
  return `${name}${indexText(shape, index)}`;
}

/**
 * The element of a tensor of shape `to` that goes with element `index` of a tensor of shape
 * `from`: the same element when the shapes are equal, the element broadcasting reads when `to`
 * broadcasts to `from` (a size-1 or missing axis gives index 0), the only element of a scalar;
 * null when no single element corresponds (a reduction's input, a bigger tensor).
 */
export function correspondingIndex(from: Shape, index: number, to: Shape): number | null {
  const size = (s: Shape) => s.reduce((p, d) => p * d, 1);
  if (index < 0 || index >= size(from)) return null;
  if (to.length === 0) return 0;
  if (to.length > from.length) return null;
  const offset = from.length - to.length;
  if (to.some((d, a) => d !== 1 && d !== from[offset + a])) return null;
  // Unravel `index` in `from`, keep the trailing axes `to` has, with its size-1 axes read at 0.
  let rest = index;
  const at: number[] = new Array(from.length);
  for (let a = from.length - 1; a >= 0; a--) {
    at[a] = rest % from[a];
    rest = Math.floor(rest / from[a]);
  }
  let flat = 0;
  to.forEach((d, a) => (flat = flat * d + (d === 1 ? 0 : at[offset + a])));
  return flat;
}
