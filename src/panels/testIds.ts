import type { TensorTarget } from './tensorTargets';

/** The test-id suffix of a part of a tensor editor: `cell.3` for the node's own value, `weight.cell.3` for linear's weight. */
export function tensorField(target: TensorTarget, part: string): string {
  return target.name ? `${target.name}.${part}` : part;
}
