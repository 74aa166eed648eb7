import { msg, type Words } from '../i18n/words';
import type { Language } from '../i18n/language';
import { addMessages } from '../i18n/messages';
import { examples } from '../i18n/messages/examples';
import { translate } from '../i18n/useT';

// In both languages: a document is matched to its example by the English title it is stored with.
addMessages(examples);

/** The message key of a shipped example's title or description, from its file name (`composite-function.json`). */
export function exampleKey(file: string, part: 'title' | 'description'): string {
  return `example.${file.replace(/\.json$/, '')}.${part}`;
}

const TITLE_KEY = /^example\.[^.]+\.title$/;

/** Each shipped example's stored (English) name → its title key, read from the messages. */
const TITLE_BY_NAME = new Map<string, string>(
  Object.entries(examples)
    .filter(([key]) => TITLE_KEY.test(key))
    .map(([key, m]) => [m.en, key]),
);

/** A document's name as the page shows it: an example's title in the page's language while its stored name is unchanged, else the name as stored. */
export function shownDocName(lang: Language, name: string): string {
  const key = TITLE_BY_NAME.get(name);
  return key ? translate(lang, key) : name;
}

/** A document's name as `shownDocName` words it, kept as words for a notice that follows the language. */
export function docNameWords(name: string): Words {
  const key = TITLE_BY_NAME.get(name);
  return key ? msg(key) : name;
}
