import { printable } from '../codegen/printable';
import type { Tensor } from '../tensor/tensor';

/** `name [2, 3] v v v …`: a tensor on one line, its name escaped for the terminal, numbers in shortest round-trip form. */
export function tensorLine(name: string, t: Tensor): string {
  return `${printable(name)} [${t.shape.join(', ')}] ${Array.from(t.data, String).join(' ')}`;
}
