import { useCallback } from 'react';
import { type Language, useLanguage } from './language';
import { messageText } from './messages';

/** Looks up a string and fills `{name}` placeholders; an unknown key shows as itself. */
export function translate(lang: Language, key: string, vars: Readonly<Record<string, string | number>> = {}): string {
  const template = messageText(lang, key) ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The translate function for the current language. */
export function useT(): (key: string, vars?: Readonly<Record<string, string | number>>) => string {
  const lang = useLanguage((s) => s.lang);
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}
