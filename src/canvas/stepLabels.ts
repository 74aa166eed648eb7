import { type AnyOpDef, gradFnName, type LeafDef } from '../../engine';
import { formatNumber } from '../format';

/** How many leading elements an edge label previews after the shape. */
const LABEL_PREVIEW = 3;

/** An edge or node label for a tensor: a scalar as its number, otherwise `[shape] a, b, c, …`. */
export function previewText(shape: readonly number[], data: ArrayLike<number>): string {
  if (data.length === 1) return formatNumber(data[0]);
  const shown = Array.from({ length: Math.min(LABEL_PREVIEW, data.length) }, (_, i) => formatNumber(data[i]));
  return `[${shape.join('×')}] ${shown.join(', ')}${data.length > LABEL_PREVIEW ? ', …' : ''}`;
}

/**
 * The name PyTorch's make_dot draws for a node: the op's backward function (for the node's
 * attributes: max along an axis is MaxBackward0), AccumulateGrad for leaves that require grad.
 * An op with its own parameters (nn.Linear's weight and bias) also feeds one AccumulateGrad per
 * parameter, as make_dot draws them beside it.
 */
export function gradFnLabel(
  op: AnyOpDef | LeafDef | { kind: 'op' | 'leaf'; gradFn?: string } | undefined,
  requiresGrad: boolean,
  ownParams = 0,
  attrs?: Readonly<Record<string, unknown>>,
): string | null {
  if (!op || !requiresGrad) return null;
  if (op.kind === 'leaf') return 'AccumulateGrad';
  const name = 'gradFnOf' in op && op.gradFnOf ? gradFnName(op as AnyOpDef, attrs) : op.gradFn;
  if (!name) return null;
  if (ownParams === 0) return name;
  return `${name} ← AccumulateGrad${ownParams > 1 ? ` ×${ownParams}` : ''}`;
}
