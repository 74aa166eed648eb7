import { type FileError, formatFileError, type GraphProblem, type Problem, type ProblemReason, type ReasonParams, type RunReason } from '../../engine';

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

/** A failed run's sentence in the page's language when the engine gave its reason, else its message as it is. */
export function runErrorText(t: Translate, e: { readonly message: string; readonly reason?: RunReason; readonly params?: ReasonParams }): string {
  return e.reason ? t(`run.${e.reason}`, e.params) : e.message;
}

/** A node's issue in the page's language: a compile problem, or the last run's failure. */
export function issueText(t: Translate, issue: Problem | Parameters<typeof runErrorText>[1]): string {
  return 'severity' in issue ? problemText(t, issue) : runErrorText(t, issue);
}
