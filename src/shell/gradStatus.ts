import type { RunError } from '../store/runStore';

/** The parts of the run state the status line describes. */
export interface GradStatusInput {
  readonly nodeCount: number;
  readonly errorCount: number;
  readonly hasProgram: boolean;
  readonly runError: Pick<RunError, 'message' | 'internal'> | null;
  readonly backwardCount: number;
  readonly backwardFrom: string | null;
}

/** A message key with its placeholders. */
export interface StatusMessage {
  readonly key: string;
  readonly vars?: Readonly<Record<string, string | number>>;
  /** Raw text for a tooltip only: the words of an error that was not the engine's, never shown as the message. */
  readonly title?: string;
}

/**
 * What the gradients hold right now, in words. Leaf gradients accumulate across Backward
 * presses exactly as in PyTorch, so the count since the last zero grad is what matters.
 */
export function gradStatus(s: GradStatusInput): StatusMessage {
  if (s.nodeCount === 0) return { key: 'shell.status.empty' };
  if (s.runError !== null) {
    // The engine's errors are written for the user; anything else would be JavaScript's words, so it gets a plain sentence.
    if (s.runError.internal) return { key: 'shell.status.runFailed', title: s.runError.message };
    return { key: 'shell.status.runError', vars: { message: s.runError.message } };
  }
  if (!s.hasProgram || s.errorCount > 0) return { key: 'shell.status.problems', vars: { count: s.errorCount } };
  if (s.backwardFrom === null) return { key: 'shell.status.noGrad' };
  if (s.backwardCount === 0) return { key: 'shell.status.zeroed' };
  if (s.backwardCount === 1) return { key: 'shell.status.once', vars: { node: s.backwardFrom } };
  return { key: 'shell.status.accumulated', vars: { count: s.backwardCount, node: s.backwardFrom } };
}
