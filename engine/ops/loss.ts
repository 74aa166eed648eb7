import { formatShape, type Shape, sameShape, ShapeError, sizeOf } from '../tensor/shape';
import type { AttrSpec, CompileShapes, PortSpec, TorchArg } from './types';
import { frac } from './mathText';
import { f32 } from '../tensor/float32';
import { torchSum32 } from '../tensor/sum32';

/** Attributes of the elementwise losses: `mean` (the default) or `sum` over elements. */
export interface LossAttrs {
  [key: string]: string;
  reduction: 'mean' | 'sum';
}

/** The `reduction` attribute spec, as in PyTorch's loss modules. */
export const reductionAttr: AttrSpec = { name: 'reduction', type: 'enum', values: ['mean', 'sum'], default: 'mean' };

/** A loss's argument after input and target: `reduction='mean'` or `'sum'`. */
export const reductionArg: TorchArg = { keyword: 'reduction', attr: 'reduction' };

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

/** The divisor of the reduction (the element count for `mean`, 1 for `sum`), and float32's per-element terms. */
export interface LossCtx {
  readonly divisor: number;
  readonly terms: Float64Array;
}

/** Compile step of elementwise losses. */
export function prepareLoss({ inputs: [input] }: CompileShapes, { reduction }: LossAttrs): LossCtx {
  return { divisor: reduction === 'mean' ? sizeOf(input) : 1, terms: new Float64Array(sizeOf(input)) };
}

/** A float32 loss's reduction, as apply_loss_reduction: the terms summed by torch.sum's cascade, then divided by n for `mean`. */
export function reduceLoss32(terms: Float64Array, y: Float64Array, divisor: number): void {
  torchSum32(terms, 0, [terms.length], [true], y);
  if (divisor !== 1) y[0] = f32(y[0] / divisor);
}

/** A loss's forward for the explanation: the first element's term, then `+ …` and, for the mean, over n, when there are more. */
export function explainLoss(term: string, n: string, reduction: string): string {
  if (n === '1') return term;
  return reduction === 'sum' ? `${term} + …` : frac(`${term} + …`, n);
}

/** A loss's substituted rule per element: `term` over n for the mean, `term` itself for `sum`. */
export function perElement(reduction: string, n: string, term: string): string {
  return reduction === 'sum' ? term : frac(term, n);
}
