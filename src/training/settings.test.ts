import { describe, expect, it } from 'vitest';
import { parseNumber, switchOptimizer, withDefaults } from './settings';

describe('training settings', () => {
  it('parseNumber reads numbers under each rule and names the refusal', () => {
    expect(parseNumber('0.01', 'positive')).toEqual({ ok: true, value: 0.01 });
    expect(parseNumber('0', 'positive')).toEqual({ ok: false, reason: 'positive' });
    expect(parseNumber('1', 'unit')).toEqual({ ok: false, reason: 'unit' });
    expect(parseNumber('2.5', 'positiveInteger')).toEqual({ ok: false, reason: 'integer' });
    expect(parseNumber('abc', 'nonNegative')).toEqual({ ok: false, reason: 'nonNegative' });
    expect(parseNumber('\u22123', 'integer')).toEqual({ ok: true, value: -3 });
  });

  it('parseNumber(factor, aboveOne) → numbers above 1 only, as the divergence factor needs', () => {
    expect(parseNumber('1e6', 'aboveOne')).toEqual({ ok: true, value: 1e6 });
    expect(parseNumber('1', 'aboveOne')).toEqual({ ok: false, reason: 'aboveOne' });
    expect(parseNumber('off', 'aboveOne')).toEqual({ ok: false, reason: 'aboveOne' });
  });

  it('switchOptimizer(sgd with momentum, adam) keeps lr and weight decay only', () => {
    expect(switchOptimizer({ type: 'sgd', lr: 0.1, momentum: 0.9, weightDecay: 0.01 }, 'adam')).toEqual({ type: 'adam', lr: 0.1, weightDecay: 0.01 });
  });

  it('withDefaults(adam) fills in PyTorch defaults', () => {
    expect(withDefaults({ type: 'adam', lr: 0.001 })).toEqual({ beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false });
  });
});
