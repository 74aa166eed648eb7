import { EngineError, type ReasonParams, type RunReason } from '../../engine';

/**
 * A failed run. The engine's own errors (EngineError) carry a message written for the user and
 * usually the node; anything else is `internal`: views say so in a plain sentence and keep the
 * raw text for a tooltip at most.
 */
export interface RunError {
  readonly node?: string;
  readonly message: string;
  readonly internal?: true;
  /** The sentence form and what fills it, for the errors a learner meets; views word them in the page's language. */
  readonly reason?: RunReason;
  readonly params?: ReasonParams;
}

/** The run error an exception becomes: the engine's message, or raw text marked internal. */
export function runErrorOf(e: unknown): RunError {
  if (e instanceof EngineError) return { node: e.node, message: e.message, ...(e.reason ? { reason: e.reason, params: e.params ?? {} } : {}) };
  return { message: e instanceof Error ? `${e.name}: ${e.message}` : typeof e === 'string' ? e : 'unknown error', internal: true };
}
