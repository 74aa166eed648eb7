import { create } from 'zustand';
import { compile, EngineError, type Problem, type Program, type Shape } from '../../engine';
import { fileToGraph } from '../../engine/format/convert';
import type { GraphFile } from '../../engine/format/schema';

/** What the engine made of the current document: problems, shapes, the program and its last run. */
export interface RunState {
  readonly problems: readonly Problem[];
  readonly shapes: ReadonlyMap<string, Shape>;
  readonly program: Program | null;
  /** A runtime failure of the last forward or backward, at the node where it happened. */
  readonly runError: RunError | null;
  /** Backward calls since the last compile or zero grad: leaf gradients hold the sum of this many. */
  readonly backwardCount: number;
  /** Which node the last backward started from. */
  readonly backwardFrom: string | null;
  /** Bumped after every run so views re-read the program's buffers. */
  readonly version: number;
  readonly lossHistory: readonly number[];
}

/**
 * A failed run. The engine's own errors (EngineError) carry a message written for the user and
 * usually the node; anything else is `internal`: views say so in a plain sentence and keep the
 * raw text for a tooltip at most.
 */
export interface RunError {
  readonly node?: string;
  readonly message: string;
  readonly internal?: true;
}

/** The run error an exception becomes: the engine's message, or raw text marked internal. */
export function runErrorOf(e: unknown): RunError {
  if (e instanceof EngineError) return { node: e.node, message: e.message };
  return { message: e instanceof Error ? `${e.name}: ${e.message}` : typeof e === 'string' ? e : 'unknown error', internal: true };
}

/** Engine actions on the current program. */
export interface RunActions {
  /** Recompiles the document (after an edit) and runs forward. */
  sync(doc: GraphFile): void;
  forward(): void;
  /** Runs backward from `from`: leaf gradients accumulate, as `loss.backward()` does. */
  backward(from: string): void;
  zeroGrad(): void;
}

/** The part of a document that changes what the engine computes (not positions or labels). */
export function computeKey(doc: GraphFile): string {
  return JSON.stringify([doc.nodes.map((n) => [n.id, n.op, n.attrs, n.value, n.requiresGrad, n.shape, n.init, n.params]), doc.edges, doc.loss, doc.datasets]);
}

/** Creates the run store; `sync` is called by the app whenever the document changes. */
export function createRunStore() {
  let lastKey = '';
  return create<RunState & RunActions>()((set, get) => {
    const attempt = (what: () => void) => {
      try {
        what();
        set((s) => ({ runError: null, version: s.version + 1 }));
        return true;
      } catch (e) {
        set((s) => ({ runError: runErrorOf(e), version: s.version + 1 }));
        return false;
      }
    };
    return {
      problems: [],
      shapes: new Map(),
      program: null,
      runError: null,
      backwardCount: 0,
      backwardFrom: null,
      version: 0,
      lossHistory: [],
      sync(doc) {
        // Called from the editor's subscription on every edit: nothing may throw out of it, or the edit itself would fail.
        try {
          const key = computeKey(doc);
          if (key === lastKey) return;
          lastKey = key;
          const result = compile(fileToGraph(doc), { partial: true });
          set({ problems: result.problems, shapes: result.shapes, program: result.program, backwardCount: 0, backwardFrom: null, runError: null });
          if (result.program) get().forward();
          else set((s) => ({ version: s.version + 1 }));
        } catch (e) {
          set((s) => ({ problems: [], shapes: new Map(), program: null, backwardCount: 0, backwardFrom: null, runError: runErrorOf(e), version: s.version + 1 }));
        }
      },
      forward() {
        const p = get().program;
        if (p) attempt(() => p.forward());
      },
      backward(from) {
        const p = get().program;
        if (!p) return;
        if (attempt(() => p.backward(from))) set((s) => ({ backwardCount: s.backwardCount + 1, backwardFrom: from }));
      },
      zeroGrad() {
        const p = get().program;
        if (!p) return;
        attempt(() => p.zeroGrad());
        set({ backwardCount: 0 });
      },
    };
  });
}

/** The run store type. */
export type RunStore = ReturnType<typeof createRunStore>;
