import { describe, expect, it } from 'vitest';
import { OPS } from './registry';
import { PREDICTION_RULES } from './prediction';

describe('PREDICTION_RULES', () => {
  it('a probability is class 1 from 0.5 on and class 0 below it; NaN is class 1, as torch.where(p < 0.5, 0, 1)', () => {
    const { correct } = PREDICTION_RULES.probability;
    expect(correct([0.2, 0.5, 0.7, 0.4999, NaN], [0, 1, 1, 1, 1])).toBe(4);
    expect(correct([0.9, 0.1], [0.9, 0.1])).toBe(0);
  });

  it('a logit is class 1 from 0 on; -0 counts as 0', () => {
    expect(PREDICTION_RULES.logit.correct([-0.1, 0, -0, 3, NaN], [0, 1, 1, 0, 1])).toBe(4);
  });

  it('class scores give the first largest per row (a NaN wins), as torch.max(outputs, 1)[1]', () => {
    const rows = [0.1, 2, 0.5, 3, -1, 3, NaN, 1, 4, 1, 1, 1];
    expect(PREDICTION_RULES['class-logits'].correct(rows, [1, 0, 0, 0])).toBe(4);
    expect(PREDICTION_RULES['class-logits'].correct(rows, [2, 2, 1, 1])).toBe(0);
    expect(PREDICTION_RULES['class-logits'].correct([], [])).toBe(0);
  });

  it('the PyTorch expressions are the course\'s', () => {
    expect(PREDICTION_RULES.probability.torch('outputs')).toBe('torch.where(outputs < 0.5, 0, 1)');
    expect(PREDICTION_RULES.logit.torch('outputs')).toBe('torch.where(outputs < 0, 0, 1)');
    expect(PREDICTION_RULES['class-logits'].torch('outputs')).toBe('torch.max(outputs, 1)[1]');
  });

  it('the classification losses say which rule reads their input: bce a probability, bce_with_logits a logit, cross_entropy class scores', () => {
    const kinds = Object.fromEntries(OPS.filter((d) => d.prediction).map((d) => [d.name, d.prediction]));
    expect(kinds).toEqual({ bce: 'probability', bce_with_logits: 'logit', cross_entropy: 'class-logits' });
  });
});
