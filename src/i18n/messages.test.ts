import { describe, expect, it } from 'vitest';
import { MESSAGES } from './testMessages';
import { translate } from './useT';

describe('messages', () => {
  it('every string has English and Japanese text', () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect(m.en.trim(), key).not.toBe('');
      expect(m.ja.trim(), key).not.toBe('');
    }
  });

  it('the same placeholders appear in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    for (const [key, m] of Object.entries(MESSAGES)) expect(names(m.ja), key).toEqual(names(m.en));
  });

  it('translate fills placeholders', () => {
    expect(translate('en', 'app.title')).toBe('GradCanvas');
    expect(translate('ja', 'missing.key')).toBe('missing.key');
  });
});
