import { describe, expect, it } from 'vitest';
import { initTensor, MAX_TENSOR_ELEMENTS, overLimit } from '../../engine';
import { translate } from '../i18n/useT';
import { errorText } from './errorText';
import { shapeSizeError } from './tensorSize';
import { MAX_EDIT_VALUES } from './tensorText';

const en = (key: string, vars?: Readonly<Record<string, string | number>>) => translate('en', key, vars);

describe('shapeSizeError', () => {
  it('shapeSizeError([100000, 100000]) is too_large, in the words initTensor refuses it with', () => {
    const shape = [100_000, 100_000];
    const error = shapeSizeError(shape);
    expect(error).toEqual({ code: 'too_large', shape: '[100000, 100000]', count: '10,000,000,000', limit: '4,000,000' });
    let engine = '';
    try {
      initTensor(shape, { type: 'constant', value: 0 }, 1);
    } catch (e) {
      engine = (e as Error).message;
    }
    const text = errorText(en, error!);
    expect(text).toContain(overLimit(MAX_TENSOR_ELEMENTS, 'elements'));
    expect(text).toBe(`${engine.charAt(0).toUpperCase()}${engine.slice(1)}.`);
    expect(errorText((k, v) => translate('ja', k, v), error!)).toContain('10,000,000,000');
  });

  it('shapeSizeError([50000000]) is too_large; a shape just over the edit limit is too_many_to_edit', () => {
    expect(shapeSizeError([50_000_000])?.code).toBe('too_large');
    expect(shapeSizeError([MAX_TENSOR_ELEMENTS + 1])?.code).toBe('too_large');
    expect(shapeSizeError([MAX_EDIT_VALUES + 1])).toEqual({ code: 'too_many_to_edit', count: '100,001', max: '100,000' });
  });

  it('shapeSizeError(shapes the table edits) is null', () => {
    expect(shapeSizeError([])).toBeNull();
    expect(shapeSizeError([2, 3])).toBeNull();
    expect(shapeSizeError([MAX_EDIT_VALUES])).toBeNull();
    expect(shapeSizeError([0, 5])).toBeNull();
  });
});
