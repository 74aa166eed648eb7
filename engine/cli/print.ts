import type { Tensor } from '../tensor/tensor';

/** `name [2, 3] v v v …`: a tensor on one line, numbers in shortest round-trip form. */
export function tensorLine(name: string, t: Tensor): string {
  return `${name} [${t.shape.join(', ')}] ${Array.from(t.data, String).join(' ')}`;
}
