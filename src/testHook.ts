import type { Problem } from '../engine';
import type { GraphFile } from '../engine/format/schema';
import { serializeGraphFile } from '../engine/format/save';
import type { Language } from './i18n/language';
import type { EditorState, Viewport } from './store/editorStore';
import type { RunState } from './store/runStore';
import { IDLE_TRAINING, type TrainingState } from './training/trainingStore';
import type { StepperSnapshot } from './stepper/snapshot';

/** One node as the engine computed it: output shape, value and gradient, row-major. */
export interface NodeSnapshot {
  shape: number[];
  value: number[];
  /** Null, like PyTorch's None, before any backward and for nodes no gradient can reach. */
  grad: number[] | null;
}

/** Everything an end-to-end test reads, as plain data. */
export interface Snapshot {
  /** The open graph exactly as the file format writes it. */
  document: GraphFile;
  /** Every compiled node by id; empty while the graph has errors. */
  nodes: Record<string, NodeSnapshot>;
  lossHistory: number[];
  problems: { code: Problem['code']; severity: Problem['severity']; node: string | null; message: string }[];
  selection: string[];
  viewport: Viewport | null;
  /** Backward calls since the last compile or zero grad. */
  backwardCount: number;
  /** Labels of the undo stack (oldest first) and the redo stack (next first). */
  history: { undo: string[]; redo: string[] };
  lang: Language;
  /** The step-through's playback (its own trained copy of the graph); absent where the app does not report it. */
  stepper?: StepperSnapshot;
  /** The training run as the page shows it (status, epochs, the whole loss history, trail, divergence). */
  training: TrainingState;
}

/** The read-only test API on `window.gradcanvas`: reads state, never changes it. */
export interface TestHook {
  /** A fresh deep copy of the state; changing it changes nothing on the page. */
  snapshot(): Snapshot;
}

declare global {
  interface Window {
    readonly gradcanvas?: TestHook;
  }
}

/** Builds a snapshot that shares no object with the stores. */
export function readSnapshot(editor: EditorState, run: RunState, lang: Language, training: TrainingState = IDLE_TRAINING): Snapshot {
  const nodes: Record<string, NodeSnapshot> = {};
  const backwardRan = run.backwardFrom !== null;
  for (const s of run.program?.slots ?? []) {
    nodes[s.id] = { shape: [...s.shape], value: Array.from(s.value), grad: backwardRan && s.grad ? Array.from(s.grad) : null };
  }
  return {
    document: JSON.parse(serializeGraphFile(editor.history.present)) as GraphFile,
    nodes,
    // The loss log is the training run's: every epoch's loss, as the CLI prints it.
    lossHistory: [...training.lossHistory],
    problems: run.problems.map((p) => ({ code: p.code, severity: p.severity, node: p.node ?? null, message: p.message })),
    selection: [...editor.selection],
    viewport: editor.viewport ? { x: editor.viewport.x, y: editor.viewport.y, zoom: editor.viewport.zoom } : null,
    backwardCount: run.backwardCount,
    history: { undo: editor.history.past.map((e) => e.label), redo: editor.history.future.map((e) => e.label) },
    lang,
    training: structuredClone(training) as TrainingState,
  };
}

/** Defines `window.gradcanvas` once, frozen and non-writable, reading from `read`. */
export function installTestHook(target: object, read: () => Snapshot): void {
  // structuredClone on top of readSnapshot's copies: a caller's changes can never reach a store.
  const hook: TestHook = Object.freeze({ snapshot: () => structuredClone(read()) });
  Object.defineProperty(target, 'gradcanvas', { value: hook, writable: false, configurable: false, enumerable: false });
}
