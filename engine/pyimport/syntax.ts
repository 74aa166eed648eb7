import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { ImportFailure } from './reasons';

/** A parsed script: its top-level statements, and where the first part Python cannot read starts (null: none). */
export interface Script {
  readonly code: string;
  readonly statements: readonly SyntaxNode[];
  readonly syntaxError: { readonly from: number; readonly to: number } | null;
}

/** Parses Python with the Lezer grammar, noting the first part it cannot read. */
export function parseScript(code: string): Script {
  const tree = parser.parse(code);
  let syntaxError: { from: number; to: number } | null = null;
  tree.iterate({
    enter(n) {
      if (syntaxError) return false;
      if (n.type.isError) syntaxError = { from: n.from, to: Math.max(n.to, n.from) };
      return undefined;
    },
  });
  const statements: SyntaxNode[] = [];
  for (let c = tree.topNode.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') statements.push(c);
  return { code, statements, syntaxError };
}

/** Fails with `syntax` at the first part Python cannot read, if it lies within `node`. */
export function checkSyntax(script: Script, node: SyntaxNode): void {
  const bad = script.syntaxError;
  if (bad && bad.from <= node.to) throw new ImportFailure('syntax', {}, bad.from, bad.to);
}

/** The named children of a node (punctuation and comments skipped). */
export function parts(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'Comment' || /^[()[\],.:=]$/.test(c.name)) continue;
    out.push(c);
  }
  return out;
}

/** Finds the line and column (both from 1) of an offset in `code`, by a search over its line starts. */
export function lineIndex(code: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  };
}
