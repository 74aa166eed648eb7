import { describe, expect, it } from 'vitest';
import { lookupOp } from '../../engine';
import { gradFnLabel, previewText } from './stepLabels';

describe('stepLabels', () => {
  it('previewText shows a scalar as a number and a tensor as shape plus its first values', () => {
    expect(previewText([], [2.5])).toBe('2.5');
    expect(previewText([17], [-2, -1.75, -1.5, -1.25])).toBe('[17] -2, -1.75, -1.5, …');
    expect(previewText([2, 1], [1, 2])).toBe('[2×1] 1, 2');
  });

  it('gradFnLabel names backward functions and AccumulateGrad', () => {
    expect(gradFnLabel({ kind: 'op', gradFn: 'PowBackward0' }, true)).toBe('PowBackward0');
    expect(gradFnLabel({ kind: 'leaf' }, true)).toBe('AccumulateGrad');
    expect(gradFnLabel({ kind: 'leaf' }, false)).toBeNull();
  });

  it('gradFnLabel(max, attributes) → MaxBackward1 for the full maximum, MaxBackward0 along an axis, as PyTorch names them', () => {
    expect(gradFnLabel(lookupOp('max'), true, 0, {})).toBe('MaxBackward1');
    expect(gradFnLabel(lookupOp('max'), true, 0, { axis: 1 })).toBe('MaxBackward0');
    expect(gradFnLabel(lookupOp('max'), true, 0, { axis: -1, keepdim: true })).toBe('MaxBackward0');
    expect(gradFnLabel(lookupOp('sum'), true, 0, { axis: 1 })).toBe('SumBackward1');
  });

  it('gradFnLabel(op with own parameters) adds one AccumulateGrad per parameter, for any such op', () => {
    expect(gradFnLabel({ kind: 'op', gradFn: 'AddmmBackward0' }, true, 2)).toBe('AddmmBackward0 ← AccumulateGrad ×2');
    expect(gradFnLabel({ kind: 'op', gradFn: 'MulBackward0' }, true, 1)).toBe('MulBackward0 ← AccumulateGrad');
    expect(gradFnLabel({ kind: 'op', gradFn: 'MulBackward0' }, false, 1)).toBeNull();
  });
});
