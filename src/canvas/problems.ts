import type { Problem } from '../../engine';
import type { CompiledDocument, RunState } from '../session/types';

/** A thing wrong at a node: a compile problem, or the runtime error of the last run. */
export type NodeIssue = Problem | NonNullable<RunState['runError']>;

/** What the issues of a node are read from: the compile's problems and the last run's failure. */
export interface IssueSource {
  readonly problems: CompiledDocument['problems'];
  readonly runError: RunState['runError'];
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
