import { compile } from '../exec/compile';
import type { ProblemCode } from '../graph/types';
import type { ProblemReason } from '../graph/problemReasons';
import type { ReasonParams } from '../tensor/reason';
import { fileToGraph } from './convert';
import { type FileError, fileError, loadGraphFile } from './load';
import { problemPath } from './problemPath';
import type { GraphFile } from './schema';

/** A graph problem of an opened document, at its JSON path, with the engine's problem code. */
export interface GraphProblem extends FileError {
  readonly code: ProblemCode;
  /** The sentence form and what fills it, for the page to word it in its own language. */
  readonly reason: ProblemReason;
  readonly params: ReasonParams;
}

/** How a document is being opened. */
export interface OpenOptions {
  /** The most nodes accepted (the page keeps a lower limit than the CLI). */
  readonly maxNodes?: number;
}

/**
 * A document opened all-or-nothing: either the whole file with its graph problems (an
 * unwired port, a shape mismatch) as `path: message` errors to mark on the nodes, or every
 * reason it cannot open. Never throws. The page, the CLI and the fuzz tests all open through it.
 */
export type OpenResult =
  | { readonly ok: true; readonly file: GraphFile; readonly problems: GraphProblem[] }
  | { readonly ok: false; readonly errors: FileError[] };

/**
 * Opens a graph file's text (an import, a share link, an autosaved document): length,
 * nesting, byte order mark, JSON, migration, schema, names and limits, then a compile that
 * finds the problems to mark without allocating a program. Anything unforeseen becomes an error, never a throw.
 */
export function openGraphText(text: string, options: OpenOptions = {}): OpenResult {
  try {
    const r = loadGraphFile(text, { checkGraph: false, maxNodes: options.maxNodes });
    if (!r.ok) return r;
    const problems = compile(fileToGraph(r.file), { checkOnly: true })
      .problems.filter((p) => p.severity === 'error')
      .map((p) => ({ path: problemPath(r.file, p), message: p.message, code: p.code, reason: p.reason, params: p.params }));
    return { ok: true, file: r.file, problems };
  } catch {
    // A backstop only: every check above reports in words; this keeps the page alive if one is missing.
    return { ok: false, errors: [fileError('', 'file.unhandled')] };
  }
}
