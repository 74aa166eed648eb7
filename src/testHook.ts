import { type GraphFile, type Problem, serializeGraphFile } from '../engine';
import type { Language } from './i18n/language';
import type { LessonSnapshot } from './lessons/Lessons';
import { curveOf } from './session/Session';
import { lossSeries, optimizerTrailOf, type OptimizerTrailPoint, type TrailPoint, trailOf } from './session/runHistory';
import type { SessionState, TrainingState, Viewport } from './session/types';
import { type StepperSnapshot, stepperSnapshot } from './stepper/snapshot';
import { divergenceText } from './training/divergenceText';

/** One node as the engine computed it: output shape, value and gradient, row-major. */
export interface NodeSnapshot {
  shape: number[];
  value: number[];
  /** Null, like PyTorch's None, before any backward and for nodes no gradient can reach. */
  grad: number[] | null;
}

/** The training run as the test hook reports it: its state, with the divergence message in the interface language. */
export type TrainingSnapshot = Omit<TrainingState, 'divergence'> & { divergence: (NonNullable<TrainingState['divergence']> & { message: string }) | null };

/** Everything an end-to-end test reads, as plain data. */
export interface Snapshot {
  /** The open graph exactly as the file format writes it. */
  document: GraphFile;
  /** Every compiled node by id; empty while the graph has errors. */
  nodes: Record<string, NodeSnapshot>;
  /** The model's loss curve, as the views draw it (a running run's, ahead of the document): every epoch's loss up to 10,000 points, then sampled. */
  lossHistory: number[];
  /** The epoch of each point of lossHistory. */
  lossEpochs: number[];
  /** The descent trail: the parameters (keyed `node.name`) after each sampled epoch. */
  trail: TrailPoint[];
  /** The optimizer state along the same epochs. */
  optimizerTrail: OptimizerTrailPoint[];
  problems: { code: Problem['code']; severity: Problem['severity']; node: string | null; message: string }[];
  selection: string[];
  viewport: Viewport | null;
  /** Backward calls since the last compile or zero grad. */
  backwardCount: number;
  /** Which node the last backward started from, null before any. */
  backwardFrom: string | null;
  /** Labels of the undo stack (oldest first) and the redo stack (next first). */
  history: { undo: string[]; redo: string[] };
  lang: Language;
  /** The step-through: where playback stands and the events of the training step it plays. */
  stepper: StepperSnapshot;
  /** The training run as the page shows it (status, epochs, this run's losses, divergence). */
  training: TrainingSnapshot;
  /** The open lesson: its id, the step shown and the steps done (1-based); null when no lesson is open. */
  lesson: LessonSnapshot | null;
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

/** Builds a snapshot of the session that shares no object with it. */
export function readSnapshot(s: SessionState, lang: Language, lesson: LessonSnapshot | null = null): Snapshot {
  const nodes: Record<string, NodeSnapshot> = {};
  const backwardRan = s.run.backwardFrom !== null;
  for (const slot of s.compiled.program?.slots ?? []) {
    nodes[slot.id] = { shape: [...slot.shape], value: Array.from(slot.value), grad: backwardRan && slot.grad ? Array.from(slot.grad) : null };
  }
  const curve = curveOf(s);
  const series = lossSeries(curve);
  const d = s.training.divergence;
  return {
    document: JSON.parse(serializeGraphFile(s.history.present)) as GraphFile,
    nodes,
    lossHistory: [...series.loss],
    lossEpochs: [...series.epochs],
    trail: structuredClone(trailOf(curve)) as TrailPoint[],
    optimizerTrail: structuredClone(optimizerTrailOf(curve)) as OptimizerTrailPoint[],
    problems: s.compiled.problems.map((p) => ({ code: p.code, severity: p.severity, node: p.node ?? null, message: p.message })),
    selection: [...s.selection],
    viewport: s.viewport ? { x: s.viewport.x, y: s.viewport.y, zoom: s.viewport.zoom } : null,
    backwardCount: s.run.backwardCount,
    backwardFrom: s.run.backwardFrom,
    history: { undo: s.history.past.map((e) => e.label), redo: s.history.future.map((e) => e.label) },
    lang,
    stepper: stepperSnapshot(s),
    training: structuredClone({ ...s.training, divergence: d && { ...d, message: divergenceText(lang, d.detail, d.lr) } }) as TrainingSnapshot,
    lesson: lesson && { ...lesson, done: [...lesson.done] },
  };
}

/** Defines `window.gradcanvas` once, frozen and non-writable, reading from `read`. */
export function installTestHook(target: object, read: () => Snapshot): void {
  // structuredClone on top of readSnapshot's copies: a caller's changes can never reach the session.
  const hook: TestHook = Object.freeze({ snapshot: () => structuredClone(read()) });
  Object.defineProperty(target, 'gradcanvas', { value: hook, writable: false, configurable: false, enumerable: false });
}
