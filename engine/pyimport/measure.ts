import type { SyntaxNode } from '@lezer/common';
import { lookupOp } from '../ops/registry';
import { PREDICTION_RULES } from '../ops/prediction';
import { VALIDATION_SUFFIX } from '../graph/validation';
import { type TupleAssignment, tupleAssignment } from './assign';
import { callParts, failAt } from './callParts';
import { type Scope, text } from './expressions';
import { peek } from './model';
import type { ObjectValue } from './objects';
import { parts } from './syntax';

/** What the training loop measures besides the loss: accuracy of the training outputs, and a validation pass. */
export interface LoopMeasures {
  accuracy: boolean;
  validationPass: boolean;
  validationLoss: boolean;
  validationAccuracy: boolean;
}

/** A new record of the loop's measures. */
export function noMeasures(): LoopMeasures {
  return { accuracy: false, validationPass: false, validationLoss: false, validationAccuracy: false };
}

/** Python text without spaces, for matching the course's measuring lines. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * A line of the training loop that measures rather than trains, as the course writes them:
 * `predicted = torch.where(outputs < 0.5, 0, 1)` / `torch.max(outputs, 1)[1]` (or
 * `_, predicted = torch.max(outputs, 1)`),
 * `train_acc = (predicted == labels).sum().item() / len(labels)`, `x = loss.item()`, and
 * the validation pass after `optimizer.step()`: `outputs_test = net(inputs_test)`,
 * `loss_test = criterion(outputs_test, labels_test)` on the dataset's `_test` split. False when
 * the line is none of these (it then runs as a forward line).
 */
export function measureStatement(scope: Scope, stmt: SyntaxNode, measures: LoopMeasures, stepped: boolean): boolean {
  if (stmt.name !== 'AssignStatement') return false;
  const tuple = tupleAssignment(stmt);
  if (tuple) return tuplePrediction(scope, tuple);
  const [target, op, value] = parts(stmt);
  if (parts(stmt).length !== 3 || target.name !== 'VariableName' || text(scope, op) !== '=') return false;
  const name = text(scope, target);
  const code = squeeze(text(scope, value));
  const v = (n: string) => scope.vars.get(n);

  // Predicted classes.
  const where = /^torch\.where\((\w+)<([-+\d.e]+),0,1\)$/.exec(code);
  const max = /^torch\.max\((\w+),(?:dim=)?1\)\[1\]$/.exec(code);
  const predicted = where?.[1] ?? max?.[1];
  if (predicted !== undefined) {
    scope.vars.set(name, prediction(scope, predicted, where ? `torch.where(OUT<${where[2]},0,1)` : MAX_RULE, value));
    return true;
  }

  // Accuracy: correct predictions over the labels.
  const acc = /^\((\w+)==(\w+)(?:\.long\(\))?\)\.sum\(\)(?:\.item\(\))?\/len\((\w+)\)$/.exec(code);
  if (acc) {
    const [, p, labels, counted] = acc;
    const prediction = v(p);
    if (prediction?.kind !== 'prediction') return failAt('accuracyForm', {}, value);
    if (counted !== labels) failAt('accuracyForm', {}, value);
    const loss = lossNode(scope, value);
    const rule = PREDICTION_RULES[loss.prediction];
    if (squeeze(rule.torch('OUT')) !== prediction.rule) failAt('accuracyRule', { op: loss.op, rule: rule.torch('outputs') }, value);
    const label = v(labels);
    if (prediction.of === 'validation') {
      if (label?.kind !== 'tensor' || !isTwin(scope, label.id, loss.target)) failAt('validationLabels', { name: labels }, value);
      measures.validationAccuracy = true;
    } else {
      if (prediction.of !== loss.input || label?.kind !== 'tensor' || label.id !== loss.target) failAt('accuracyOf', {}, value);
      measures.accuracy = true;
    }
    scope.vars.set(name, { kind: 'measured' });
    return true;
  }

  // A loss read as a number.
  const item = /^(\w+)\.item\(\)$/.exec(code);
  if (item && (v(item[1])?.kind === 'tensor' || v(item[1])?.kind === 'validationLoss')) {
    scope.vars.set(name, { kind: 'measured' });
    return true;
  }

  if (value.name !== 'CallExpression') return false;
  const { fnNode, positional } = callParts(scope.code, value);
  const callee = peek(scope, fnNode);
  // The validation pass: the model again, on the `_test` twins of the data it trains on.
  if (callee?.kind === 'model' && callee.model.called) {
    const model = callee.model;
    const inputs = positional.map((p) => (p.name === 'VariableName' ? v(text(scope, p)) : undefined));
    const twins = inputs.length === model.args.length && inputs.every((a, i) => a?.kind === 'tensor' && isTwin(scope, a.id, model.args[i]));
    // Before the step a second call is no validation pass: the forward line refuses it.
    if (!stepped) {
      if (twins) failAt('validationBeforeStep', {}, value);
      return false;
    }
    if (!twins) failAt('validationInputs', {}, value);
    inputs.forEach((a, i) => leaveGraph(scope, (a as { id: string }).id, positional[i]));
    measures.validationPass = true;
    scope.vars.set(name, { kind: 'validationOutputs' });
    return true;
  }
  if (callee?.kind === 'criterion' && positional.length === 2 && positional[0].name === 'VariableName' && v(text(scope, positional[0]))?.kind === 'validationOutputs') {
    const loss = lossNode(scope, value);
    if (callee.op !== loss.op) failAt('validationCriterion', {}, fnNode);
    const labelsNode = positional[1];
    const labelsText = squeeze(text(scope, labelsNode)).replace(/\.long\(\)$/, '');
    const label = v(labelsText);
    if (label?.kind !== 'tensor' || !isTwin(scope, label.id, loss.target)) failAt('validationLabels', { name: labelsText }, labelsNode);
    leaveGraph(scope, label.id, labelsNode);
    measures.validationLoss = true;
    scope.vars.set(name, { kind: 'validationLoss' });
    return true;
  }
  return false;
}

/** The rule of `torch.max(outputs, 1)[1]`, spaces left out, with `OUT` for the outputs. */
const MAX_RULE = 'torch.max(OUT,1)[1]';

/** The predicted classes of the outputs named `of` (the training outputs, or the validation pass's), by a rule. */
function prediction(scope: Scope, of: string, rule: string, at: SyntaxNode): ObjectValue {
  const outputs = scope.vars.get(of);
  if (outputs?.kind !== 'tensor' && outputs?.kind !== 'validationOutputs') return failAt('notTensor', { name: of }, at);
  return { kind: 'prediction', of: outputs.kind === 'tensor' ? outputs.id : 'validation', rule };
}

/**
 * `_, predicted = torch.max(outputs, 1)` in the loop: the predicted classes, as
 * `torch.max(outputs, 1)[1]` (the maximum values, left unused, are not part of the graph).
 * False for any other assignment to several names (it then runs as a forward line).
 */
function tuplePrediction(scope: Scope, t: TupleAssignment): boolean {
  const max = /^torch\.max\((\w+),(?:dim=)?1\)$/.exec(squeeze(text(scope, t.value)));
  const [unused, classes] = t.targets;
  if (!max || t.targets.length !== 2 || text(scope, unused) !== '_' || classes.name !== 'VariableName') return false;
  const predicted = prediction(scope, max[1], MAX_RULE, t.value);
  scope.vars.set('_', { kind: 'measured' });
  scope.vars.set(text(scope, classes), predicted);
  return true;
}

/** The graph's loss node (a criterion's, so a prediction rule applies): its op, input and target. */
function lossNode(scope: Scope, at: SyntaxNode): { op: string; input: string; target: string; prediction: keyof typeof PREDICTION_RULES } {
  const id = scope.draft.loss;
  const node = scope.draft.nodes.find((n) => n.id === id);
  const def = node ? lookupOp(node.op) : undefined;
  const prediction = def?.kind === 'op' ? def.prediction : undefined;
  if (!node || !prediction) return failAt('accuracyLoss', {}, at);
  const port = (p: string) => scope.draft.edges.find((e) => e.target === id && e.targetPort === p)?.source ?? '';
  return { op: node.op, input: port('input'), target: port('target'), prediction };
}

/** Whether leaf `twin` reads the validation split (`<dataset>_test`) of the columns leaf `of` reads. */
function isTwin(scope: Scope, twin: string, of: string): boolean {
  const a = scope.draft.nodes.find((n) => n.id === twin)?.value;
  const b = scope.draft.nodes.find((n) => n.id === of)?.value;
  if (a?.type !== 'columns' || b?.type !== 'columns') return false;
  return a.dataset === `${b.dataset}${VALIDATION_SUFFIX}` && a.columns.join('\0') === b.columns.join('\0') && !!a.vector === !!b.vector;
}

/** Leaves only the validation pass reads leave the graph: GradCanvas validates on the `_test` split itself. */
function leaveGraph(scope: Scope, id: string, at: SyntaxNode): void {
  if (scope.draft.edges.some((e) => e.source === id)) failAt('validationInputs', {}, at);
  scope.draft.absorb(id);
}
