import { formatNumber } from '../format';
import { MAX_LISTED } from './preview';

/** How many leading elements an edge label previews after the shape. */
export const LABEL_PREVIEW = 3;

/** An edge or node label for a tensor: a scalar as its number, otherwise `[shape] a, b, c, …`. */
export function previewText(shape: readonly number[], data: ArrayLike<number>): string {
  if (data.length === 1) return formatNumber(data[0]);
  const shown = Array.from({ length: Math.min(LABEL_PREVIEW, data.length) }, (_, i) => formatNumber(data[i]));
  return `[${shape.join('×')}] ${shown.join(', ')}${data.length > LABEL_PREVIEW ? ', …' : ''}`;
}

/** The numbers a label carries in data-value: a JSON array (nan and ±inf as strings), capped at MAX_LISTED. */
export function dataValue(data: ArrayLike<number>): string {
  const n = Math.min(data.length, MAX_LISTED);
  const out: (number | string)[] = [];
  for (let i = 0; i < n; i++) {
    const v = data[i];
    out.push(Number.isFinite(v) ? v : String(v));
  }
  return JSON.stringify(out);
}

/** The name PyTorch's make_dot draws for a node: the op's backward function, AccumulateGrad for leaves that require grad. */
export function gradFnLabel(op: { kind: 'op' | 'leaf'; gradFn?: string } | undefined, requiresGrad: boolean): string | null {
  if (!op || !requiresGrad) return null;
  if (op.kind === 'leaf') return 'AccumulateGrad';
  return op.gradFn ?? null;
}
