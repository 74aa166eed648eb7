import { firstMaxIndex } from './reduce';
import type { PredictionKind } from './types';

/**
 * How a classification loss's input becomes a predicted class, as the course computes its
 * accuracy: a probability is class 1 unless it is below ½ (`torch.where(outputs < 0.5, 0, 1)`),
 * a logit unless it is below 0, and one score per class gives the first largest
 * (`torch.max(outputs, 1)[1]`). A NaN prediction is class 1 for the first two, as `<` is
 * false for NaN, and the largest score for the third, as in PyTorch.
 */
export interface PredictionRule {
  /** How many predictions in `input` equal their `target` (one per target element; `input` holds `target.length` rows of scores for class-logits). */
  correct(input: ArrayLike<number>, target: ArrayLike<number>): number;
  /** The predicted classes of `outputs` as a PyTorch expression. */
  torch(outputs: string): string;
}

/** A binary prediction: class 0 below the threshold, class 1 from it on. */
function threshold(at: number, literal: string): PredictionRule {
  return {
    correct(input, target) {
      let n = 0;
      for (let i = 0; i < target.length; i++) if ((input[i] < at ? 0 : 1) === target[i]) n++;
      return n;
    },
    torch: (outputs) => `torch.where(${outputs} < ${literal}, 0, 1)`,
  };
}

/** Every prediction kind's rule; the loss op's `prediction` field picks one. */
export const PREDICTION_RULES: Readonly<Record<PredictionKind, PredictionRule>> = {
  probability: threshold(0.5, '0.5'),
  logit: threshold(0, '0'),
  'class-logits': {
    correct(input, target) {
      const rows = target.length;
      const classes = rows === 0 ? 0 : input.length / rows;
      let n = 0;
      for (let r = 0; r < rows; r++) if (firstMaxIndex(input, r * classes, classes, 1) === target[r]) n++;
      return n;
    },
    torch: (outputs) => `torch.max(${outputs}, 1)[1]`,
  },
};
