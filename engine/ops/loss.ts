import { formatShape, type Shape, sameShape, ShapeError, sizeOf } from '../tensor/shape';
import type { AttrSpec, CompileShapes, PortSpec } from './types';

/** Attributes of the elementwise losses: `mean` (the default) or `sum` over elements. */
export interface LossAttrs {
  [key: string]: string;
  reduction: 'mean' | 'sum';
}

/** The `reduction` attribute spec, as in PyTorch's loss modules. */
export const reductionAttr: AttrSpec = { name: 'reduction', type: 'enum', values: ['mean', 'sum'], default: 'mean' };

/** Ports of a prediction-vs-target loss; `target` may be made non-differentiable. */
export function lossPorts(targetDifferentiable: boolean): readonly PortSpec[] {
  return [{ name: 'input' }, { name: 'target', differentiable: targetDifferentiable }];
}

/** Shape rule of elementwise losses: input and target must match exactly; the loss is a scalar. */
export function lossShape(name: string) {
  return ([input, target]: readonly Shape[]): Shape => {
    if (!sameShape(input, target)) {
      throw new ShapeError('same_shape', { op: name, a: formatShape(input), b: formatShape(target) });
    }
    return [];
  };
}

/** The divisor of the reduction: the element count for `mean`, 1 for `sum`. */
export interface LossCtx {
  readonly divisor: number;
}

/** Compile step of elementwise losses. */
export function prepareLoss({ inputs: [input] }: CompileShapes, { reduction }: LossAttrs): LossCtx {
  return { divisor: reduction === 'mean' ? sizeOf(input) : 1 };
}

/** A loss's forward for the explanation: the first element's term, then `+ …` and the mean's `/ n` when there are more. */
export function explainLoss(term: string, n: string, reduction: string): string {
  if (n === '1') return term;
  return reduction === 'sum' ? `${term} + …` : `(${term} + …) / ${n}`;
}

/** The mean's division in a loss's substituted rule (` / n`), or nothing for `sum`. */
export function perElement(reduction: string, n: string): string {
  return reduction === 'sum' ? '' : ` / ${n}`;
}
