import type { Language } from './language';
import { translate } from './useT';

/**
 * Words kept as message keys and parameters, worded only when shown, so they follow a switch
 * of language: a literal that reads the same in every language (a name, a file's own text), a
 * message whose parameters may be words themselves, or several words run together.
 */
export type Words = string | MessageWords | BothLanguages | readonly Words[];

/** A text given in both languages (a lesson's title). */
export interface BothLanguages {
  readonly en: string;
  readonly ja: string;
}

/** A message of `src/i18n/messages/` by key, with its parameters. */
export interface MessageWords {
  readonly key: string;
  readonly vars?: Readonly<Record<string, Words | number>>;
}

/** The message `key` with its parameters, as words to be worded later. */
export function msg(key: string, vars?: Readonly<Record<string, Words | number>>): MessageWords {
  return vars ? { key, vars } : { key };
}

/** Words run together with a separator (a space between sentences by default). */
export function joinWords(parts: readonly Words[], sep: Words = ' '): Words {
  return parts.flatMap((p, i) => (i === 0 ? [p] : [sep, p]));
}

/** The words in `lang`. */
export function wordsText(lang: Language, words: Words): string {
  if (typeof words === 'string') return words;
  if (isList(words)) return words.map((w) => wordsText(lang, w)).join('');
  if ('en' in words) return words[lang];
  const vars: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(words.vars ?? {})) vars[name] = typeof v === 'number' ? v : wordsText(lang, v);
  return translate(lang, words.key, vars);
}

function isList(words: Words): words is readonly Words[] {
  return Array.isArray(words);
}
