import { pyComment } from './escape';

/** Characters Markdown or HTML give a meaning to, and the text each is written as. */
const SPECIAL: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** ASCII punctuation Markdown (CommonMark, GFM, Jupyter's math) may read as markup: written as a numeric character reference. */
const MARKUP = /[\\`*_{}[\]()#+\-.!|~$=:^%@]/;

/**
 * User text (a title, a node's id or label) as inline Markdown that shows exactly that text
 * and nothing more: one line (line breaks and hidden characters written as visible `\uXXXX`,
 * as pyComment does, cut at `max` characters), HTML specials as entities, and every
 * punctuation mark Markdown may read as markup as a numeric character reference (which
 * every renderer shows as the character and none reads as markup; a backslash escape is
 * not honoured for every mark by every renderer), so no heading, link, image, emphasis,
 * math, table or HTML tag can come from it.
 */
export function mdText(text: string, max?: number): string {
  let out = '';
  for (const ch of pyComment(text, max)) out += SPECIAL[ch] ?? (MARKUP.test(ch) ? `&#${ch.charCodeAt(0)};` : ch);
  return out;
}
