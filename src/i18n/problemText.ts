import type { Language } from './language';
import { translate } from './useT';
import { msg, type Words } from './words';
import { type FileError, formatFileError, type GraphProblem, type Problem, type ProblemReason, type ReasonParams, type RunReason, type FileReason, VALUE_WORDS } from '../../engine';

/** The translate function's shape (useT's or translate bound to a language). */
type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** A graph problem's (or a file's) sentence in the page's language, from its reason and parameters (never the engine's English). */
export function problemText(t: Translate, p: { readonly reason: ProblemReason | FileReason; readonly params: ReasonParams }): string {
  const vars: Record<string, string | number> = { ...p.params };
  if (typeof vars.what === 'string') vars.what = t(`problem.what.${vars.what}`);
  // A value the engine could only describe ('a list', '(none)') is described in the page's language.
  const words: string[] = [];
  for (const [name, v] of Object.entries(vars)) {
    const word = Object.entries(VALUE_WORDS).find(([, text]) => text === v);
    if (word) words.push((vars[name] = t(`problem.value.${word[0]}`)));
  }
  // A template spaces a value written in ASCII off the Japanese around it ('x' です); a Japanese word (リスト) runs on (リストです).
  let text = t(`problem.${p.reason}`, vars);
  for (const w of words) if (/[^ -~]$/.test(w)) text = text.replace(`${w} `, w);
  return text;
}

/** A failed run's sentence as words for a notice, worded in the language shown when it is drawn. */
export function runErrorWords(e: { readonly message: string; readonly reason?: RunReason; readonly params?: ReasonParams }): Words {
  return e.reason ? msg(`run.${e.reason}`, e.params) : e.message;
}

/** One line of a file's notice: `path: sentence`, a graph problem worded in the page's language. */
export function fileErrorText(t: Translate, e: FileError | GraphProblem): string {
  if (e.reason === undefined) return formatFileError(e);
  return formatFileError({ path: e.path, message: problemText(t, { reason: e.reason, params: e.params ?? {} }) });
}

/** A failed run's sentence in the page's language when the engine gave its reason, else its message as it is. */
export function runErrorText(t: Translate, e: { readonly message: string; readonly reason?: RunReason; readonly params?: ReasonParams }): string {
  return e.reason ? t(`run.${e.reason}`, e.params) : e.message;
}

/** A node's issue in the page's language: a compile problem, or the last run's failure. */
export function issueText(t: Translate, issue: Problem | Parameters<typeof runErrorText>[1]): string {
  return 'severity' in issue ? problemText(t, issue) : runErrorText(t, issue);
}

/**
 * The lines of a file's notice in the page's language: graph problems and the file's own
 * refusals (not a GradCanvas file, a newer version) worded from their reasons. What the engine
 * tells in English only (its schema's findings) is named by its place with a plain sentence on
 * a Japanese page, and its English words go to the folded technical detail.
 */
export function fileErrorLines(lang: Language, errors: readonly (FileError | GraphProblem)[]): { details: string[]; technical?: string } {
  const t: Translate = (key, vars) => translate(lang, key, vars);
  if (lang === 'en') return { details: errors.map((e) => fileErrorText(t, e)) };
  const english = errors.filter((e) => e.reason === undefined).map(formatFileError);
  // The path a line concerns is the file's own key, quoted as Japanese quotes a name.
  const at = (e: FileError, text: string) => (e.path ? `「${e.path}」：${text}` : text);
  const details = errors.map((e) => at(e, e.reason !== undefined ? problemText(t, { reason: e.reason, params: e.params ?? {} }) : t(e.path ? 'shell.notice.fileErrorAt' : 'shell.notice.fileErrorWhole')));
  return english.length > 0 ? { details, technical: english.join('\n') } : { details };
}
