import type { SyntaxNode } from '@lezer/common';
import { type ImportReason, ImportFailure } from './reasons';
import { parts } from './syntax';

/** A call taken apart: its callee, its argument list, positional arguments and keywords. */
export interface CallParts {
  readonly fnNode: SyntaxNode;
  readonly list: SyntaxNode;
  readonly positional: SyntaxNode[];
  readonly keywords: Map<string, SyntaxNode>;
}

/** Fails at `node` with a reason. */
export function failAt(reason: ImportReason, params: Record<string, string>, node: { from: number; to: number }): never {
  throw new ImportFailure(reason, params, node.from, node.to);
}

/** The callee, positional arguments and keywords of a call expression. */
export function callParts(code: string, node: SyntaxNode): CallParts {
  const [fnNode, list] = parts(node);
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const items = list ? parts(list) : [];
  for (let i = 0; i < items.length; i++) {
    if (items[i].name === 'VariableName' && items[i + 1]?.name === 'AssignOp' && items[i + 2]) {
      keywords.set(code.slice(items[i].from, items[i].to), items[i + 2]);
      i += 2;
    } else if (keywords.size > 0) {
      failAt('arguments', { what: code.slice(fnNode.from, fnNode.to), expected: 'positionalFirst' }, items[i]);
    } else {
      positional.push(items[i]);
    }
  }
  return { fnNode, list, positional, keywords };
}

/** The text of a plain Python string literal ("boston.csv", 'RM'), or null for anything else (f-strings, escapes). */
export function stringLiteral(code: string, node: SyntaxNode): string | null {
  if (node.name !== 'String') return null;
  const m = /^(['"])([^'"\\\n]*)\1$/.exec(code.slice(node.from, node.to));
  return m ? m[2] : null;
}
