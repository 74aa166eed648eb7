import type { Problem, ProblemCode } from '../../engine';
import type { CompiledDocument, RunState } from '../session/types';

/** A thing wrong at a node: a compile problem, or the runtime error of the last run. */
export type NodeIssue = Problem | NonNullable<RunState['runError']>;

/** What the issues of a node are read from: the compile's problems and the last run's failure. */
export interface IssueSource {
  readonly problems: CompiledDocument['problems'];
  readonly runError: RunState['runError'];
}

// Checked against the engine's type both ways: a new code fails the type check until it is listed here, and the messages test then asks for its text.
const LISTED = {
  duplicate_id: true,
  unknown_op: true,
  dangling_edge: true,
  unknown_port: true,
  port_fed_twice: true,
  missing_input: true,
  cycle: true,
  bad_attribute: true,
  bad_value: true,
  shape_mismatch: true,
  no_loss: true,
  unknown_loss: true,
  loss_not_scalar: true,
  bad_param: true,
  too_large: true,
  unexpected: true,
} as const satisfies Record<ProblemCode, true>;

/** Every code the engine reports a problem by; each has a `canvas.problem.<code>` text. */
export const PROBLEM_CODES = Object.keys(LISTED) as ProblemCode[];

/** The message key of an issue's short label: its problem code's, or the runtime one. */
export function issueLabelKey(issue: NodeIssue): string {
  return 'code' in issue ? `canvas.problem.${issue.code}` : 'canvas.problem.runtime';
}

/**
 * The issues of one node, as the same objects the session holds (so a selector returning
 * this list compares equal, element by element, until something really changes).
 */
export function nodeIssues(state: IssueSource, id: string): NodeIssue[] {
  const out: NodeIssue[] = state.problems.filter((p) => p.node === id);
  if (state.runError?.node === id) out.push(state.runError);
  return out;
}

/** Ids of every node with an issue, one per line: a string, so a selector on it re-renders only when the set changes. */
export function issueNodeKey(state: IssueSource): string {
  const ids = new Set<string>();
  for (const p of state.problems) if (p.node !== undefined) ids.add(p.node);
  if (state.runError?.node !== undefined) ids.add(state.runError.node);
  return [...ids].sort().join('\n');
}

/** True for a problem that stops evaluation (a runtime error always does). */
export function isBlocking(issue: NodeIssue): boolean {
  return !('severity' in issue) || issue.severity === 'error';
}

/** The DOM id of a node's problem tooltip; node ids may hold any character, so they are escaped. */
export function issueTipId(nodeId: string): string {
  return `canvas-issue-${nodeId.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)?.toString(16)}_`)}`;
}
