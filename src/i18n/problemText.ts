import { type FileError, formatFileError, type GraphProblem, type ProblemReason, type ReasonParams } from '../../engine';

/** The translate function's shape (useT's or translate bound to a language). */
type Translate = (key: string, vars?: Readonly<Record<string, string | number>>) => string;

/** A graph problem's sentence in the page's language, from its reason and parameters (never the engine's English). */
export function problemText(t: Translate, p: { readonly reason: ProblemReason; readonly params: ReasonParams }): string {
  const vars: Record<string, string | number> = { ...p.params };
  if (typeof vars.what === 'string') vars.what = t(`problem.what.${vars.what}`);
  return t(`problem.${p.reason}`, vars);
}

/** One line of a file's notice: `path: sentence`, a graph problem worded in the page's language. */
export function fileErrorText(t: Translate, e: FileError | GraphProblem): string {
  if (!('reason' in e)) return formatFileError(e);
  return formatFileError({ path: e.path, message: problemText(t, e) });
}
