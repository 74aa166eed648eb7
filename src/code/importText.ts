import type { ImportError } from '../../engine';
import { addMessages } from '../i18n/messages';
import { code } from '../i18n/messages/code';
import { codeReasons } from '../i18n/messages/codeReasons';
import { fileErrorText } from '../i18n/problemText';

// The code panel's strings and the import reasons' wording load with the panel, not with the first screen.
addMessages({ ...code, ...codeReasons });

/** The page's translate function. */
type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** An import error's sentence in the page's language: a graph problem in the words the canvas uses for it. */
export function importErrorText(t: Translate, e: ImportError): string {
  if (e.reason === 'graph' && e.problem) return fileErrorText(t, e.problem);
  const params: Record<string, string> = { ...e.params };
  if (e.reason === 'arguments' && params.expected) params.expected = t(`code.expected.${params.expected}`);
  return t(`code.reason.${e.reason}`, params);
}
