import type { SyntaxNode } from '@lezer/common';
import { failAt } from './callParts';
import type { DraftMark } from './draft';
import { evaluate, indices, type PyValue, type Scope, text } from './expressions';
import { isModuleName } from './modules';
import { parts } from './syntax';

/**
 * Binds a variable to a value: the node the statement running since `before` computed takes
 * the variable's name; an alias (`b = a`) adds nothing, and `_` (Python's name for a value
 * not used) leaves the node its op's name.
 */
export function bindName(scope: Scope, target: SyntaxNode, v: PyValue, before: DraftMark): void {
  const name = text(scope, target);
  if (isModuleName(name)) failAt('statement', { what: `Assigning to ${name}` }, target);
  const isNew = v.kind === 'tensor' && scope.draft.nodes.slice(before.nodes).some((n) => n.id === v.id);
  if (v.kind === 'tensor' && isNew && name !== '_') scope.vars.set(name, { ...v, id: scope.draft.rename(v.id, name, before) });
  else scope.vars.set(name, v);
}

/** An assignment to several names at once: its targets and its value. */
export interface TupleAssignment {
  readonly targets: readonly SyntaxNode[];
  readonly value: SyntaxNode;
}

/** The targets and value of `a, b = …` (also `(a, b) = …`, `[a, b] = …`); null for any other statement. */
export function tupleAssignment(stmt: SyntaxNode): TupleAssignment | null {
  if (stmt.name !== 'AssignStatement') return null;
  const children: SyntaxNode[] = [];
  for (let c = stmt.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') children.push(c);
  const ops = children.filter((c) => c.name === 'AssignOp');
  if (ops.length !== 1) return null;
  const at = children.indexOf(ops[0]);
  const left = children.slice(0, at);
  const value = children[at + 1];
  if (!value) return null;
  if (left.length === 1 && (left[0].name === 'TupleExpression' || left[0].name === 'ArrayExpression')) return { targets: parts(left[0]), value };
  if (left.some((c) => c.name === ',')) return { targets: left.filter((c) => c.name !== ','), value };
  return null;
}

/**
 * `values, indices = torch.max(x, dim)` (also `_, predicted = torch.max(outputs, 1)`): the
 * first name is the `max` node along `dim`, the second the `argmax` node, as `.values` and
 * `.indices` are. Any other assignment to several names is refused.
 */
export function tupleAssign(scope: Scope, t: TupleAssignment, before: DraftMark): void {
  const { targets, value } = t;
  const bad = targets.find((n) => n.name !== 'VariableName');
  if (bad || targets.length !== 2) failAt('tupleAssign', {}, bad ?? { from: targets[0]?.from ?? value.from, to: targets.at(-1)?.to ?? value.to });
  if (value.name === 'TupleExpression') failAt('tupleAssign', {}, value);
  const v = evaluate(scope, value);
  if (v.kind !== 'valuesIndices') return failAt('tupleAssign', {}, value);
  bindName(scope, targets[0], v.values, before);
  bindName(scope, targets[1], indices(scope, v), before);
}
