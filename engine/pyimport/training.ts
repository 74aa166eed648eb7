import type { SyntaxNode } from '@lezer/common';
import { callParts, failAt } from './callParts';
import { contextOf } from './context';
import { evaluate, type Scope, text } from './expressions';
import { defineClass, firstLine, initialisation, noGrad, peek } from './model';
import { measureStatement, noMeasures } from './measure';
import { parts } from './syntax';

/** Runs one statement of the script the usual way (assignments, print, …); returns the node a backward starts from. */
export type RunStatement = (stmt: SyntaxNode) => string | undefined;

/** What a training statement did: whether it was one, and the node a backward in it starts from. */
export interface TrainingStep {
  readonly handled: boolean;
  readonly backward?: string;
}

/**
 * The statements of a training script beyond expressions: `class Net(nn.Module):`,
 * weight initialisation, `with torch.no_grad():` and the training loop.
 */
export function trainingStatement(scope: Scope, stmt: SyntaxNode, run: RunStatement, backwardDone: boolean): TrainingStep {
  if (stmt.name === 'ClassDefinition') {
    defineClass(scope, stmt);
    return { handled: true };
  }
  if (stmt.name === 'WithStatement') {
    noGrad(scope, stmt);
    return { handled: true };
  }
  if (stmt.name === 'ForStatement') {
    if (backwardDone) failAt('backwardTwice', {}, stmt);
    return { handled: true, backward: loop(scope, stmt, run) };
  }
  if (initialisation(scope, stmt) || dataAssignment(scope, stmt)) return { handled: true };
  const step = optimizerCall(scope, stmt);
  if (step) failAt('outsideLoop', { what: step.what }, stmt);
  return { handled: false };
}

/** `x = df[["RM"]].values`, `z = data[:, 0]`: a name for columns of the data, adding no node until torch.tensor makes them a tensor. */
function dataAssignment(scope: Scope, stmt: SyntaxNode): boolean {
  if (stmt.name !== 'AssignStatement') return false;
  const [target, op, value] = parts(stmt);
  if (parts(stmt).length !== 3 || target.name !== 'VariableName' || text(scope, op) !== '=' || value.name !== 'MemberExpression') return false;
  const v = peek(scope, value);
  if (v?.kind !== 'data') return false;
  scope.vars.set(text(scope, target), v);
  return true;
}

/** `optimizer.zero_grad()` / `optimizer.step()` (or `net.zero_grad()`): which, or null for another statement. */
function optimizerCall(scope: Scope, stmt: SyntaxNode): { what: string; method: 'zero_grad' | 'step' } | null {
  const [call] = parts(stmt);
  if (stmt.name !== 'ExpressionStatement' || call?.name !== 'CallExpression') return null;
  const [fn] = parts(call);
  if (fn.name !== 'MemberExpression') return null;
  const [ownerNode, prop] = parts(fn);
  const method = text(scope, prop);
  const owner = ownerNode.name === 'VariableName' ? scope.vars.get(text(scope, ownerNode)) : undefined;
  const ok = (owner?.kind === 'optimizer' && (method === 'zero_grad' || method === 'step')) || (owner?.kind === 'model' && method === 'zero_grad');
  if (!ok) return null;
  if (parts(parts(call)[1]).length > 0) failAt('arguments', { what: text(scope, fn), expected: 'none' }, parts(call)[1]);
  return { what: `${text(scope, fn)}()`, method: method as 'zero_grad' | 'step' };
}

/**
 * `for epoch in range(N):` — the training loop. Its body builds the graph once (the graph the
 * first epoch builds): forward and loss assignments, `loss.backward()`, `optimizer.step()`,
 * `optimizer.zero_grad()` in any order that gives fresh gradients each epoch, and `print`,
 * also under `if epoch % k == 0:` (the log interval). Sets the document's epochs and log interval.
 */
function loop(scope: Scope, stmt: SyntaxNode, run: RunStatement): string {
  const ctx = contextOf(scope);
  const [variable, iter] = parts(stmt).filter((p) => p.name !== 'for' && p.name !== 'in');
  if (ctx.looped) failAt('secondLoop', {}, stmt);
  const epochs = iter?.name === 'CallExpression' && text(scope, parts(iter)[0]) === 'range' ? callParts(scope.code, iter).positional : [];
  const n = epochs.length === 1 ? evaluate(scope, epochs[0]) : null;
  if (variable?.name !== 'VariableName' || n?.kind !== 'number' || !n.int || n.value < 0 || callParts(scope.code, iter).keywords.size > 0) return failAt('loopRange', {}, iter ?? stmt);
  const epochName = text(scope, variable);
  // The loop variable holds the first epoch while the body builds the graph.
  scope.vars.set(epochName, { kind: 'number', value: 0, int: true });
  const events: { what: 'zero_grad' | 'step' | 'backward'; node: SyntaxNode }[] = [];
  let backward: string | undefined;
  let logEvery: number | undefined;
  const measures = noMeasures();
  const body = stmt.getChild('Body');
  for (const s of body ? parts(body) : []) {
    const call = optimizerCall(scope, s);
    if (call) {
      events.push({ what: call.method, node: s });
      continue;
    }
    if (isBackward(scope, s)) {
      const [c] = parts(s);
      const owner = parts(parts(c)[0])[0];
      const v = evaluate(scope, owner);
      if (v.kind !== 'tensor') failAt('notTensor', { name: text(scope, owner) }, owner);
      if (backward !== undefined) failAt('backwardTwice', {}, s);
      scope.draft.loss = v.id;
      backward = v.id;
      events.push({ what: 'backward', node: s });
      continue;
    }
    if (s.name === 'IfStatement') {
      logEvery = logInterval(scope, s, epochName, n.value, run);
      continue;
    }
    if (measureStatement(scope, s, measures, events.some((e) => e.what === 'step'))) continue;
    const isPrint = s.name === 'ExpressionStatement' && /^print\s*\(/.test(text(scope, s));
    if (s.name !== 'AssignStatement' && !isPrint) failAt('loopStatement', { what: firstLine(text(scope, s)) }, s);
    run(s);
  }
  checkOrder(events, stmt);
  for (const v of scope.vars.values()) {
    if (v.kind === 'model' && v.model.called && [...v.model.layers.values()].some((l) => l.op === 'linear') && !ctx.trained.has(v.model)) failAt('untrainedModel', {}, stmt);
  }
  if (measures.validationPass && !measures.validationLoss) failAt('validationLoss', {}, stmt);
  if (measures.validationAccuracy && !measures.accuracy) failAt('validationAccuracy', {}, stmt);
  ctx.looped = true;
  const draft = scope.draft;
  const { logEvery: _old, metrics: _metrics, ...rest } = draft.training;
  draft.training = { ...rest, epochs: n.value, ...(logEvery !== undefined && logEvery > 1 ? { logEvery } : {}), ...(measures.accuracy ? { metrics: { accuracy: true } } : {}) };
  return backward as string;
}

function isBackward(scope: Scope, s: SyntaxNode): boolean {
  const [c] = parts(s);
  if (s.name !== 'ExpressionStatement' || c?.name !== 'CallExpression') return false;
  const [fn] = parts(c);
  return fn.name === 'MemberExpression' && text(scope, parts(fn)[1]) === 'backward';
}

/** One backward, one step and one zero_grad, with fresh gradients each epoch: zero_grad before backward or after step. */
function checkOrder(events: readonly { what: string; node: SyntaxNode }[], stmt: SyntaxNode): void {
  for (const what of ['zero_grad', 'step']) {
    const all = events.filter((e) => e.what === what);
    if (all.length > 1) failAt('loopTwice', { what }, all[1].node);
  }
  const at = (what: string) => events.findIndex((e) => e.what === what);
  const [zero, back, step] = [at('zero_grad'), at('backward'), at('step')];
  if (back < 0) failAt('loopMissing', { what: 'loss.backward()' }, stmt);
  if (step < 0) failAt('loopMissing', { what: 'optimizer.step()' }, stmt);
  if (step < back) failAt('stepBeforeBackward', {}, events[step].node);
  if (zero < 0) failAt('noZeroGrad', {}, stmt);
  if (zero > back && zero < step) failAt('zeroBetween', {}, events[zero].node);
}

/** `if epoch % k == 0:` (or `... or epoch == N - 1`) holding only prints: the log interval k. */
function logInterval(scope: Scope, s: SyntaxNode, epoch: string, epochs: number, run: RunStatement): number {
  const cond = parts(s)[1];
  const condition = cond ? text(scope, cond).replace(/\s+/g, '').replace(/^\((.*)\)$/, '$1') : '';
  const m = new RegExp(`^${epoch}%(\\d+)==0(?:or${epoch}==(.+))?$`).exec(condition);
  const last = m?.[2];
  const lastOk = last === undefined || last === String(epochs - 1) || /^\w+-1$/.test(last) || /^\(\w+-1\)$/.test(last);
  const bodies = s.getChildren('Body');
  if (!m || Number(m[1]) < 1 || !lastOk || bodies.length !== 1 || s.getChild('else') || s.getChild('elif')) return failAt('loopIf', { what: firstLine(text(scope, s)) }, cond ?? s);
  for (const p of parts(bodies[0])) {
    if (p.name !== 'ExpressionStatement' || !/^print\s*\(/.test(text(scope, p))) failAt('loopIf', { what: firstLine(text(scope, p)) }, p);
    run(p);
  }
  return Number(m[1]);
}
