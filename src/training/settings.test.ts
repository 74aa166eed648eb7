import { describe, expect, it } from 'vitest';
import { parseSetting, switchOptimizer, withDefaults } from './settings';

describe('training settings', () => {
  it('parseSetting reads numbers under each rule and names the refusal', () => {
    expect(parseSetting('0.01', 'positive')).toEqual({ ok: true, value: 0.01 });
    expect(parseSetting('0', 'positive')).toEqual({ ok: false, reason: 'positive' });
    expect(parseSetting('1', 'unit')).toEqual({ ok: false, reason: 'unit' });
    expect(parseSetting('2.5', 'positiveInteger')).toEqual({ ok: false, reason: 'integer' });
    expect(parseSetting('abc', 'nonNegative')).toEqual({ ok: false, reason: 'nonNegative' });
    expect(parseSetting('\u22123', 'integer')).toEqual({ ok: true, value: -3 });
  });

  it("parseSetting reads numbers as every field does: '0x10' and '1_000' are refused, full-width digits and spaces around are fine", () => {
    expect(parseSetting('0x10', 'positiveInteger')).toEqual({ ok: false, reason: 'integer' });
    expect(parseSetting('1_000', 'positive')).toEqual({ ok: false, reason: 'positive' });
    expect(parseSetting(' １００ ', 'positiveInteger')).toEqual({ ok: true, value: 100 });
  });

  it('parseSetting(factor, aboveOne) → numbers above 1 only, as the divergence factor needs', () => {
    expect(parseSetting('1e6', 'aboveOne')).toEqual({ ok: true, value: 1e6 });
    expect(parseSetting('1', 'aboveOne')).toEqual({ ok: false, reason: 'aboveOne' });
    expect(parseSetting('off', 'aboveOne')).toEqual({ ok: false, reason: 'aboveOne' });
  });

  it('switchOptimizer(sgd with momentum, adam) keeps lr and weight decay only', () => {
    expect(switchOptimizer({ type: 'sgd', lr: 0.1, momentum: 0.9, weightDecay: 0.01 }, 'adam')).toEqual({ type: 'adam', lr: 0.1, weightDecay: 0.01 });
  });

  it('withDefaults(adam) fills in PyTorch defaults', () => {
    expect(withDefaults({ type: 'adam', lr: 0.001 })).toEqual({ beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false });
  });
});
