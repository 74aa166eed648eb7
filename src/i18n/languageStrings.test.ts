import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_MESSAGES } from './firstScreenMessages';

/** The first screen's strings in one language, read from the `{ en, ja }` source. */
function expected(lang: 'en' | 'ja'): Record<string, string> {
  return Object.fromEntries(Object.entries(FIRST_SCREEN_MESSAGES).map(([key, m]) => [key, m[lang]]));
}

describe('the first screen’s strings, one language per download', () => {
  it('?lang=en and ?lang=ja serve every first-screen string in that language only', async () => {
    const en = (await import('./firstScreenMessages.ts?lang=en')).default;
    const ja = (await import('./firstScreenMessages.ts?lang=ja')).default;
    expect(en).toEqual(expected('en'));
    expect(ja).toEqual(expected('ja'));
    expect(ja['shell.run.backward']).toBe('逆伝播');
    expect(Object.values(ja)).not.toContain('Backward');
  });
});
