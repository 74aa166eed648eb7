import { z } from 'zod/mini';
import type { LessonFacts, NodeFacts } from './facts';

// The checks a lesson step can ask for, each judged from the session's state (LessonFacts),
// never from which button was pressed. docs/lessons.md lists them for lesson writers.

/** How close two numbers must be to count as equal (the engine computes in float64, PyTorch prints float32). */
const DEFAULT_TOLERANCE = 1e-6;

/** Whether two lists of numbers are equal within `tol` (relative to the larger magnitude, at least absolute). */
export function numbersMatch(actual: readonly number[], expected: readonly number[], tol = DEFAULT_TOLERANCE): boolean {
  if (actual.length !== expected.length) return false;
  return actual.every((a, i) => Math.abs(a - expected[i]) <= tol * Math.max(1, Math.abs(expected[i])));
}

const numberList = z.array(z.number()).check(z.minLength(1), z.maxLength(10_000));
const tolerance = z.optional(z.number().check(z.positive(), z.lte(1)));
/** A name that is not empty (an op, a column). */
const nonEmpty = () => z.string().check(z.minLength(1));

/** A node whose computed value is `values` (optionally of one op). */
const nodeValues = z.strictObject({ predicate: z.literal('nodeValues'), op: z.optional(nonEmpty()), values: numberList, tolerance });
/** A node with requires_grad whose value is `values` (when given) and whose `.grad` is `k` times its value. */
const gradIsMultiple = z.strictObject({ predicate: z.literal('gradIsMultiple'), k: z.number(), values: z.optional(numberList), tolerance });
/** A node with requires_grad (of an op) whose `.grad` is `values`. */
const gradValues = z.strictObject({ predicate: z.literal('gradValues'), op: z.optional(nonEmpty()), values: numberList, tolerance });
/** A selected node whose value is `values`. */
const selectedValues = z.strictObject({ predicate: z.literal('selectedValues'), values: numberList, tolerance });
/** An input node bound to exactly these dataset columns (in any order). */
const usesColumns = z.strictObject({ predicate: z.literal('usesColumns'), columns: z.array(nonEmpty()).check(z.minLength(1), z.maxLength(100)) });
/** The step-through has shown an event of this phase in the step being played. */
const stepPhaseShown = z.strictObject({ predicate: z.literal('stepPhaseShown'), phase: z.enum(['predict', 'loss', 'backward', 'update']) });
/** Nodes are labelled with their grad_fn names (on), or not (off). */
const gradFnLabels = z.strictObject({ predicate: z.literal('gradFnLabels'), on: z.boolean() });
/** A selected node of this op. */
const selectedOp = z.strictObject({ predicate: z.literal('selectedOp'), op: nonEmpty() });
/** The classification loss's predictions are right for at least this fraction of the data. */
const accuracyAtLeast = z.strictObject({ predicate: z.literal('accuracyAtLeast'), value: z.number().check(z.gte(0), z.lte(1)) });
/** Backward passes whose gradients the leaves hold now (counted from the last Zero grad). */
const backwardCount = z.strictObject({ predicate: z.literal('backwardCount'), exactly: z.int().check(z.gte(0)) });
/** At least this many epochs have been stepped or trained. */
const stepsTaken = z.strictObject({ predicate: z.literal('stepsTaken'), atLeast: z.int().check(z.positive()) });
/** The latest loss on the curve is below its first. */
const lossFalling = z.strictObject({ predicate: z.literal('lossFalling') });
/** The latest loss on the curve is below `value`. */
const lossBelow = z.strictObject({ predicate: z.literal('lossBelow'), value: z.number() });
/** The learning rate lies in [atLeast, below). */
const learningRate = z.strictObject({ predicate: z.literal('learningRate'), atLeast: z.optional(z.number().check(z.positive())), below: z.optional(z.number().check(z.positive())) });
/** Training diverged: the divergence rule stopped it, or each of the last `steps` steps raised the loss. */
const diverged = z.strictObject({ predicate: z.literal('diverged'), steps: z.optional(z.int().check(z.gte(2), z.lte(50))) });
/** The graph computes a node of each of these ops (nodes of other ops may be there too). */
const nodeOps = z.strictObject({ predicate: z.literal('nodeOps'), ops: z.array(nonEmpty()).check(z.minLength(1), z.maxLength(20)) });

/** One check of a lesson step, as a lesson file writes it. */
export const checkSchema = z.discriminatedUnion('predicate', [nodeValues, gradIsMultiple, gradValues, selectedValues, selectedOp, usesColumns, stepPhaseShown, gradFnLabels, accuracyAtLeast, backwardCount, stepsTaken, lossFalling, lossBelow, learningRate, diverged, nodeOps]);
/** One check of a lesson step. */
export type Check = z.infer<typeof checkSchema>;
/** The name of a predicate. */
export type PredicateName = Check['predicate'];

const hasValues = (n: NodeFacts, values: readonly number[] | undefined, tol?: number) => values === undefined || numbersMatch(n.value, values, tol);

const lastLoss = (f: LessonFacts): number | undefined => f.losses.at(-1);

/** Each predicate's test, by name. */
const TESTS: { readonly [P in PredicateName]: (f: LessonFacts, c: Extract<Check, { predicate: P }>) => boolean } = {
  nodeValues: (f, c) => f.nodes.some((n) => (c.op === undefined || n.op === c.op) && hasValues(n, c.values, c.tolerance)),
  gradIsMultiple: (f, c) =>
    f.nodes.some(
      (n) =>
        n.requiresGrad &&
        n.grad !== null &&
        hasValues(n, c.values, c.tolerance) &&
        numbersMatch(
          n.grad,
          n.value.map((v) => c.k * v),
          c.tolerance,
        ),
    ),
  gradValues: (f, c) => f.nodes.some((n) => n.requiresGrad && n.grad !== null && (c.op === undefined || n.op === c.op) && numbersMatch(n.grad, c.values, c.tolerance)),
  selectedValues: (f, c) => f.nodes.some((n) => f.selection.includes(n.id) && hasValues(n, c.values, c.tolerance)),
  selectedOp: (f, c) => f.nodes.some((n) => f.selection.includes(n.id) && n.op === c.op),
  usesColumns: (f, c) => f.nodes.some((n) => n.columns.length === c.columns.length && c.columns.every((col) => n.columns.includes(col))),
  stepPhaseShown: (f, c) => f.phasesShown.includes(c.phase),
  gradFnLabels: (f, c) => f.gradFnLabels === c.on,
  accuracyAtLeast: (f, c) => f.accuracy !== null && f.accuracy >= c.value,
  backwardCount: (f, c) => f.backwardCount === c.exactly,
  stepsTaken: (f, c) => f.epochs >= c.atLeast,
  lossFalling: (f) => f.losses.length >= 2 && (lastLoss(f) ?? Infinity) < f.losses[0],
  lossBelow: (f, c) => (lastLoss(f) ?? Infinity) < c.value,
  learningRate: (f, c) => (c.atLeast === undefined || f.lr >= c.atLeast) && (c.below === undefined || f.lr < c.below),
  diverged: (f, c) => {
    if (f.divergenceStopped) return true;
    const n = c.steps ?? 3;
    const tail = f.losses.slice(-(n + 1));
    // Each step raised the loss, or the loss is no longer a finite number.
    return (tail.length === n + 1 && tail.every((v, i) => i === 0 || !(v <= tail[i - 1]))) || tail.some((v) => !Number.isFinite(v));
  },
  nodeOps: (f, c) => c.ops.every((op) => f.nodes.some((n) => n.op === op)),
};

const sameNumbers = (a: readonly number[] | undefined, b: readonly number[]) => a !== undefined && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** A Backward or Zero grad ran: the leaves' gradients were computed or cleared. */
const gradientRun = (before: LessonFacts, now: LessonFacts) => now.lastRun !== before.lastRun && (now.lastRun?.type === 'backward' || now.lastRun?.type === 'zeroGrad');

/** A training step or a whole training run finished (a run in the worker counts when it ends, not at each epoch). */
const trainingFinished = (before: LessonFacts, now: LessonFacts) => !now.trainingRunning && (before.trainingRunning || now.epochs !== before.epochs || (now.lastRun !== before.lastRun && now.lastRun?.type === 'step'));

/**
 * What counts as an attempt at each predicate, from the state just before a change and just
 * after it: the learner did what the check asks for in form (its hint shows when the check
 * then fails). Adding or dropping a node, moving it, or opening a panel is never an attempt.
 */
const ATTEMPTS: { readonly [P in PredicateName]: (before: LessonFacts, now: LessonFacts, c: Extract<Check, { predicate: P }>) => boolean } = {
  // A value is computed, or changed, at a node (of the op) that was already on the canvas.
  nodeValues: (before, now, c) => {
    const was = new Map(before.nodes.map((n) => [n.id, n.value]));
    return now.nodes.some((n) => (c.op === undefined || n.op === c.op) && before.onCanvas.includes(n.id) && !sameNumbers(was.get(n.id), n.value));
  },
  gradIsMultiple: gradientRun,
  gradValues: gradientRun,
  // A node was selected.
  selectedValues: (before, now) => now.selection.length > 0 && !sameIds(before.selection, now.selection),
  selectedOp: (before, now) => now.selection.length > 0 && !sameIds(before.selection, now.selection),
  // An input node was bound to other dataset columns.
  usesColumns: (before, now) => {
    const was = new Map(before.nodes.map((n) => [n.id, n.columns]));
    return now.nodes.some((n) => n.columns.length > 0 && !sameIds(was.get(n.id) ?? [], n.columns));
  },
  // The pass was run another way (Forward, Backward, a whole step) instead of shown in the step-through.
  stepPhaseShown: (before, now) => now.lastRun !== before.lastRun && now.lastRun !== null,
  gradFnLabels: (before, now) => now.gradFnLabels !== before.gradFnLabels,
  accuracyAtLeast: trainingFinished,
  // A Backward or Zero grad changed how many backward passes the gradients hold.
  backwardCount: gradientRun,
  stepsTaken: trainingFinished,
  lossFalling: trainingFinished,
  lossBelow: trainingFinished,
  // The learning rate was changed.
  learningRate: (before, now) => now.lr !== before.lr,
  diverged: trainingFinished,
  // A computed node of an op the check does not ask for appeared, or one of an op it asks for went away.
  nodeOps: (before, now, c) => {
    const was = new Set(before.nodes.map((n) => n.id));
    const is = new Set(now.nodes.map((n) => n.id));
    return now.nodes.some((n) => !was.has(n.id) && !c.ops.includes(n.op)) || before.nodes.some((n) => !is.has(n.id) && c.ops.includes(n.op));
  },
};

/** Whether the change from `before` to `now` is an attempt at the check: the learner did what it asks for in form. */
export function attempted(before: LessonFacts, now: LessonFacts, check: Check): boolean {
  const test = ATTEMPTS[check.predicate] as (b: LessonFacts, n: LessonFacts, c: Check) => boolean;
  return test(before, now, check);
}

/** Whether the state passes one check. */
export function passes(facts: LessonFacts, check: Check): boolean {
  const test = TESTS[check.predicate] as (f: LessonFacts, c: Check) => boolean;
  return test(facts, check);
}

/** Whether the state passes every check (a step with no checks is done when the learner goes on). */
export function passesAll(facts: LessonFacts, checks: readonly Check[]): boolean {
  return checks.length > 0 && checks.every((c) => passes(facts, c));
}
