import { describe, expect, it } from 'vitest';
import { EXPECTED, IMPORT_REASONS } from '../../engine';
import { MESSAGES } from '../i18n/testMessages';
// Loading the panel's wording registers the reasons' messages, as opening the panel does.
import './importText';

describe('the code panel words every import refusal', () => {
  const names = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]))].sort();
  const english = (fn: (p: Record<string, string>) => string) => {
    // The engine's sentence with each parameter shown by its name, to compare with the page's placeholders.
    const marked = fn(new Proxy({}, { get: (_t, k) => `{${String(k)}}` }) as Record<string, string>);
    return names(marked.replace(/\{expected\}/g, '{expected}'));
  };

  it('has a sentence for every reason, with the parameters the engine gives', () => {
    for (const [reason, fn] of Object.entries(IMPORT_REASONS)) {
      const m = (MESSAGES as Record<string, { en: string; ja: string }>)[`code.reason.${reason}`];
      expect(m, reason).toBeDefined();
      // `arguments` words {expected} from its own key; every other parameter is filled in as given.
      const engine = reason === 'arguments' ? ['expected', 'what'] : english(fn as (p: Record<string, string>) => string);
      expect(names(m.en), reason).toEqual(engine);
    }
  });

  it('has words for every kind of argument a call takes', () => {
    for (const key of Object.keys(EXPECTED)) expect((MESSAGES as Record<string, unknown>)[`code.expected.${key}`], key).toBeDefined();
  });
});
