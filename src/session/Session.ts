import type { Draft } from 'immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createOptimizer, EngineError, type FileHistory, fileOptimizerState, fromFileNumber, type GraphFile, type ParamState, type Program, toFileNumber, toFileOptimizerState, type TraceEvent } from '../../engine';
import type { ColumnRole } from '../datasets/builtin';
import type { ImportMessage } from '../datasets/csvImport';
import { bindDataset, bindProblem, type BindView, type InputBinding } from '../datasets/bind';
import { bindNotice } from '../datasets/bindNotice';
import { planBind } from '../datasets/plan';
import type { Scaling } from '../datasets/transform';
import type { Language } from '../i18n/language';
import { problemText, runErrorText } from '../i18n/problemText';
import { translate } from '../i18n/useT';
import { edgeViews, endOfPhase, type EdgeView, eventsDue, nodeViews, type NodeView, type PlainEdge, sameEdgeView, sameNodeView, SPEEDS, stepBack } from '../stepper/playback';
import { emptyDocument } from '../store/edits';
import { type History, record, redo, undo } from '../store/history';
import { paramKey } from '../training/protocol';
import { type BackwardTarget, backwardTarget } from './backwardTarget';
import { IDLE_CODE_LINK, sameIds } from './codeLink';
import { type CompileFn, compileDocument, isCompiled, loadedParamsOf, loadParams } from './compiledDocument';
import { sameInputs, stepInputs } from './computeKey';
import { withRestoredBuffers } from './programBuffers';
import { runErrorOf } from './runError';
import type { PytorchView, pytorchView } from './pytorchView';
import { appendLosses, appendTrail, EMPTY_HISTORY, type OptimizerStateSample, type ParamValues } from './runHistory';
import { SteppingRun } from './steppingRun';
import { backwardDone, keepParamsBefore, recordStep, showAt, type StepRecording, undoStep } from './stepRecording';
import { TrainingDriver } from './trainingDriver';
import {
  type CompiledDocument,
  type DatasetDraft,
  type DatasetsState,
  type DocumentPlace,
  EMPTY_DATASETS,
  IDLE_TRAINING,
  type Notice,
  type RunState,
  type SessionState,
  type SplitChoice,
  type StepperState,
  type FollowedElement,
  type Viewport,
} from './types';

/** Something that calls back once per animation frame (the page's requestAnimationFrame; tests drive their own). */
export interface FrameScheduler {
  request(cb: (t: number) => void): number;
  cancel(id: number): void;
}

/** How a session starts, and its seams for tests. */
export interface SessionOptions {
  readonly doc?: GraphFile;
  readonly selection?: readonly string[];
  readonly viewport?: Viewport | null;
  /** The engine's compile (tests count the calls). */
  readonly compile?: CompileFn;
  /** Makes the training worker; without one, Train says it cannot. */
  readonly createWorker?: (() => Worker) | null;
  readonly frames?: FrameScheduler;
  /** The clock the training write throttle reads, in ms. */
  readonly now?: () => number;
  readonly saveEveryMs?: number;
  /** The interface language, for undo labels and messages written at the moment they happen. */
  readonly lang?: () => Language;
  /**
   * Called when Undo or Redo crosses an open, before the document changes, with the Recent
   * entry the document it brings back is saved to: the shell saves what is pending to the
   * entry being left, then saves to that one.
   */
  readonly switchEntry?: (id: string) => void;
}

/** How a document is opened: what was saved with it, and the Recent entries it leaves and goes to. */
export interface OpenOptions {
  readonly selection?: readonly string[];
  /** The viewport saved with it; none: the canvas fits the graph. */
  readonly viewport?: Viewport | null;
  /** The Data panel as it was saved with it; none: an empty panel. */
  readonly datasets?: DatasetsState;
  /** The Recent entry of the document being left and of the one opened, so Undo and Redo of the open switch between them. */
  readonly entries?: { readonly left: string; readonly opened: string };
}

/** The curve views draw: the running run's, ahead of the document, else the document's. */
export function curveOf(s: SessionState): FileHistory {
  return s.liveHistory ?? s.history.present.history ?? EMPTY_HISTORY;
}

/** The training step the step bar shows: the steps in the model's history, plus the one being played. */
export function stepEpoch(s: SessionState): number {
  const inProgress = s.stepper.events.length > 0 && !s.stepper.committed;
  return curveOf(s).epochs + (inProgress ? 1 : 0);
}

const IDLE_STEPPER: StepperState = {
  events: [],
  cursor: -1,
  step: 0,
  committed: false,
  zeroGrad: true,
  playing: false,
  speed: 2,
  gradFnLabels: false,
  error: null,
  divergence: null,
  nodes: new Map(),
  edges: new Map(),
  followed: null,
};

const FRESH_RUN: RunState = { runError: null, backwardCount: 0, backwardFrom: null, lastRun: null, version: 0 };

function defaultFrames(): FrameScheduler {
  if (typeof requestAnimationFrame === 'function') return { request: (cb) => requestAnimationFrame(cb), cancel: (id) => cancelAnimationFrame(id) };
  return { request: (cb) => setTimeout(() => cb(Date.now()), 16) as unknown as number, cancel: (id) => clearTimeout(id) };
}

/** Runs something on the program; its failure comes back as the run error, never as an exception. */
function attempt(what: () => void): RunState['runError'] {
  try {
    what();
    return null;
  } catch (e) {
    return runErrorOf(e);
  }
}

function keepExisting(doc: GraphFile, selection: readonly string[]): readonly string[] {
  return selection.filter((id) => doc.nodes.some((n) => n.id === id));
}

/** Each trainable tensor's values, keyed `node.name`. */
function paramValuesOf(program: Program): ParamValues {
  return Object.fromEntries(program.params.map((p) => [paramKey(p), Array.from(p.value)]));
}

/** The values a document stores for each of the program's trainable tensors, keyed `node.name`. */
function storedParamValues(doc: GraphFile, program: Program): ParamValues {
  const out: Record<string, number[]> = {};
  for (const p of program.params) {
    const t = doc.nodes.find((n) => n.id === p.node)?.params?.[p.name];
    if (t) out[paramKey(p)] = t.data.map(fromFileNumber);
  }
  return out;
}

/** Optimizer state as the optimizer-state trail samples it, keyed `node.name`. */
function stateSamples(states: readonly ParamState[]): Record<string, OptimizerStateSample> {
  const arr = (v: ArrayLike<number> | null | undefined) => (v ? Array.from(v) : undefined);
  return Object.fromEntries(states.map((st) => [paramKey(st), { momentumBuffer: arr(st.momentumBuffer), expAvg: arr(st.expAvg), expAvgSq: arr(st.expAvgSq) }]));
}

/**
 * The one owner of the model the learner has in mind: the document and its undo history,
 * the selection, the one compiled program of the current document version and what has run
 * on it, the step-through, training, the model's history and the Data panel's draft. Every
 * change to the model — an edit, a stepped update, a training run, Reset — goes through its
 * methods and lands in the document; views read its state (one store) and call its methods.
 */
export class Session {
  /** The session's state; only this class writes it. */
  readonly store: StoreApi<SessionState>;
  private readonly compileFn: CompileFn | undefined;
  private readonly frames: FrameScheduler;
  private readonly lang: () => Language;
  private readonly training: TrainingDriver;
  private readonly switchEntry: ((id: string) => void) | undefined;
  /** Each node's `params` object as the program holds its values. */
  private loaded = new Map<string, GraphFile['nodes'][number]['params']>();
  /** The training step being played, on the session's program. */
  private recording: StepRecording | null = null;
  /** The stepped steps that make one run for the divergence rule; null until the next step starts one. */
  private stepping: SteppingRun | null = null;
  /** A plot borrowed the program: op scratch state (such as cross_entropy's probabilities) may not match its values until forward runs again. */
  private scratched = false;
  /** The backward count and origin before the step being played. */
  private backwardBefore: { count: number; from: string | null } = { count: 0, from: null };
  /** What the step-through's state was computed from; when the document changes it otherwise, the step-through starts over. */
  private stepperInputs: readonly unknown[] = [];
  private frame = 0;
  private lastFrame = 0;
  private carry = 0;
  private pytorch: PytorchView | null = null;

  constructor(options: SessionOptions = {}) {
    this.compileFn = options.compile;
    this.frames = options.frames ?? defaultFrames();
    this.lang = options.lang ?? (() => 'en');
    this.switchEntry = options.switchEntry;
    const doc = options.doc ?? emptyDocument();
    const compiled = compileDocument(doc, this.compileFn);
    this.loaded = loadedParamsOf(doc);
    const runError = compiled.program ? attempt(() => compiled.program?.forward()) : null;
    this.stepperInputs = stepInputs(doc);
    this.store = createStore<SessionState>()(() => ({
      history: { present: doc, past: [], future: [] },
      selection: keepExisting(doc, options.selection ?? []),
      viewport: options.viewport ?? null,
      notice: null,
      compiled,
      run: { ...FRESH_RUN, runError },
      backwardPick: null,
      stepper: IDLE_STEPPER,
      training: IDLE_TRAINING,
      liveHistory: null,
      marks: {},
      datasets: EMPTY_DATASETS,
      codeLink: IDLE_CODE_LINK,
      codeOffer: null,
    }));
    this.training = new TrainingDriver(
      {
        state: () => this.state,
        lang: this.lang,
        setTraining: (training, also) => this.store.setState((s) => ({ training: { ...s.training, ...training }, ...also })),
        showParams: (params) => this.showParams(params),
        writeRun: (label, mergeKey, recipe) => this.write(label, recipe as (d: Draft<GraphFile>) => void, mergeKey, true),
        writeReset: (recipe) => this.write('reset parameters', recipe as (d: Draft<GraphFile>) => void, undefined, false),
        settleStepper: () => {
          // A run takes the model: steps after it make a new stepping run.
          this.stepping = null;
          this.clearStepper();
        },
      },
      options.createWorker ?? null,
      this.frames,
      options.now ?? (() => performance.now()),
      options.saveEveryMs,
    );
  }

  /** The state now. */
  get state(): SessionState {
    return this.store.getState();
  }

  /** Calls `listener` after every change of the state. */
  subscribe(listener: (state: SessionState, previous: SessionState) => void): () => void {
    return this.store.subscribe(listener);
  }

  /** Stops the worker and the playback loop (tests make one session each). */
  dispose(): void {
    this.training.dispose();
    this.stopLoop();
  }

  // ── The document ─────────────────────────────────────────────────────────

  /** Changes the document as one undoable step (consecutive edits with the same `mergeKey` undo as one); a running run pauses for it. */
  edit(label: string, recipe: (doc: Draft<GraphFile>) => void | GraphFile, mergeKey?: string): void {
    const h = record(this.state.history, label, recipe, mergeKey);
    if (h === this.state.history) return;
    this.changeDocument(h);
    if (this.training.running) this.training.pause(true);
  }

  /** Takes the last change back; undoing an open brings back the document left, with its Recent entry, selection, viewport and draft. */
  undo(): void {
    const h = this.state.history;
    const crossed = h.past.at(-1)?.beside;
    const back = undo(h);
    if (!crossed || back === h) {
      this.moveInHistory(back);
      return;
    }
    // The opened document keeps what it has now, for Redo to bring back.
    const [entry, ...rest] = back.future;
    const future = [{ ...entry, beside: { before: crossed.before, after: this.placeNow(crossed.after.entry) } }, ...rest];
    this.moveInHistory({ ...back, future }, crossed.before);
  }

  /** Makes the last undone change again; redoing an open goes back to the opened document, with its Recent entry, selection, viewport and draft. */
  redo(): void {
    const h = this.state.history;
    const crossed = h.future[0]?.beside;
    const again = redo(h);
    if (!crossed || again === h) {
      this.moveInHistory(again);
      return;
    }
    // The document left keeps what it has now, for Undo to bring back.
    const entry = again.past[again.past.length - 1];
    const past = [...again.past.slice(0, -1), { ...entry, beside: { before: this.placeNow(crossed.before.entry), after: crossed.after } }];
    this.moveInHistory({ ...again, past }, crossed.after);
  }

  /**
   * Opens a document (an import, an example, a share link, New, a Recent entry) as one
   * undoable step, with what was saved beside it: the Data panel and the viewport start from
   * those or empty, never from the document being left. All or nothing: if anything fails
   * while the page takes it in, the session is as it was, and the failure is thrown for the
   * caller to report.
   */
  open(doc: GraphFile, label: string, options: OpenOptions = {}): void {
    const selection = keepExisting(doc, options.selection ?? []);
    const after: DocumentPlace = { entry: options.entries?.opened ?? null, selection, viewport: options.viewport ?? null, datasets: options.datasets ?? EMPTY_DATASETS };
    const before = this.placeNow(options.entries?.left ?? null);
    this.replaceDocument(record(this.state.history, label, () => doc, undefined, { before, after }), after);
  }

  /** Starts from a document with no undo history (the boot), all or nothing like `open`. */
  load(doc: GraphFile, selection: readonly string[] = [], viewport: Viewport | null = null): void {
    this.replaceDocument({ present: doc, past: [], future: [] }, { entry: null, selection: keepExisting(doc, selection), viewport, datasets: EMPTY_DATASETS });
  }

  /** Selects these nodes (the canvas, the inspector). */
  select(ids: readonly string[]): void {
    this.store.setState({ selection: [...ids] });
  }

  /** Remembers the canvas viewport (autosave keeps it). */
  setViewport(viewport: Viewport): void {
    this.store.setState({ viewport });
  }

  /** Shows a message in the notice bar, or clears it. */
  notify(notice: Notice | null): void {
    this.store.setState({ notice });
  }

  // ── The code panel and the canvas pointing at each other ────────────────

  /** Draws these nodes entering: the code just added them to the document now shown (any later change of the document ends it). */
  showEntering(ids: readonly string[]): void {
    this.store.setState((s) => ({ codeLink: { ...s.codeLink, entering: { doc: s.history.present, ids: new Set(ids) } } }));
  }

  /** Lights these nodes: the pointer is on the statement that made them in the code editor (none: it left). */
  lightNodes(ids: readonly string[]): void {
    const lit = new Set(ids);
    if (sameIds(lit, this.state.codeLink.lit)) return;
    this.store.setState((s) => ({ codeLink: { ...s.codeLink, lit } }));
  }

  /** Remembers the node the pointer is on in the canvas (null: none), for the code editor to light its statement. */
  hoverNode(id: string | null): void {
    if (this.state.codeLink.hovered === id) return;
    this.store.setState((s) => ({ codeLink: { ...s.codeLink, hovered: id } }));
  }

  // ── Forward, backward, zero grad ─────────────────────────────────────────

  /** Where Backward starts now, or why it cannot. */
  backwardTarget(): BackwardTarget {
    const s = this.state;
    return backwardTarget(s.history.present, s.backwardPick, s.compiled.shapes);
  }

  /** Picks the scalar Backward starts from (null: the loss, or the single scalar output). */
  pickBackwardTarget(id: string | null): void {
    this.store.setState({ backwardPick: id });
  }

  /** Evaluates every node again. */
  forward(): void {
    const program = this.state.compiled.program;
    if (!program) return;
    this.clearStepper();
    this.scratched = false;
    const runError = attempt(() => program.forward());
    this.store.setState((s) => ({ run: { ...s.run, runError, lastRun: { type: 'forward' }, version: s.run.version + 1 } }));
  }

  /** `loss.backward()`: leaf gradients accumulate, as in PyTorch. */
  backward(): void {
    const program = this.state.compiled.program;
    const target = this.backwardTarget();
    if (!program || !target.ok) return;
    this.clearStepper();
    const runError = attempt(() => {
      // After a plot borrowed the program, forward puts every op's scratch state back in line with the values backward reads.
      if (this.scratched) program.forward();
      this.scratched = false;
      program.backward(target.node);
    });
    this.store.setState((s) => ({
      run: runError
        ? { ...s.run, runError, version: s.run.version + 1 }
        : { ...s.run, runError: null, backwardCount: s.run.backwardCount + 1, backwardFrom: target.node, lastRun: { type: 'backward' }, version: s.run.version + 1 },
    }));
  }

  /** Sets every leaf gradient to zero, as `optimizer.zero_grad()`. */
  zeroGrad(): void {
    const program = this.state.compiled.program;
    if (!program) return;
    this.clearStepper();
    const runError = attempt(() => program.zeroGrad());
    this.store.setState((s) => ({ run: { ...s.run, runError, backwardCount: 0, lastRun: { type: 'zeroGrad' }, version: s.run.version + 1 } }));
  }

  /**
   * Runs `use` on the session's program and then puts every buffer back: a sweep of a
   * parameter (the loss landscape), a decision grid or the gradient check leave every other
   * view as it was. Null when there is no program.
   */
  withScratch<T>(use: (program: Program) => T): T | null {
    const program = this.state.compiled.program;
    if (!program) return null;
    this.scratched = true;
    return withRestoredBuffers(program, use);
  }

  /**
   * The PyTorch training script of the document, with the line of each phase, made by `make`
   * once per version of what it reads. `make` is session/pytorchView.ts's, passed in by the
   * views that show the script, so its code downloads with them rather than with the first screen.
   */
  pytorchExport(make: typeof pytorchView): PytorchView {
    this.pytorch = make(this.state.history.present, this.pytorch);
    return this.pytorch;
  }

  // ── Step-through ─────────────────────────────────────────────────────────

  /** Shows the next event of the training step (starting a new step at the end of one). */
  step(): void {
    if (this.needsNewStep()) {
      if (!this.startStep()) return;
      this.moveTo(this.state.stepper.events.length > 0 ? 0 : -1);
      return;
    }
    this.moveTo(this.state.stepper.cursor + 1);
  }

  /** Finishes the current phase. */
  stepPhase(): void {
    if (this.needsNewStep()) {
      if (!this.startStep()) return;
      this.moveTo(endOfPhase({ events: this.state.stepper.events, cursor: -1 }));
      return;
    }
    this.moveTo(endOfPhase(this.state.stepper));
  }

  /** Plays the whole training step: its update lands in the document as one undo entry ("Step 3"). */
  stepTrainingStep(): void {
    if (this.needsNewStep() && !this.startStep()) return;
    this.moveTo(this.state.stepper.events.length - 1);
  }

  /** One event back within the step. */
  back(): void {
    if (!this.recording) return;
    this.moveTo(stepBack(this.state.stepper));
  }

  /** Drops the step being played (an update not yet played is not kept) and starts again from the document; the next step starts a new stepping run. */
  resetStepper(): void {
    this.pause();
    this.stepping = null;
    this.clearStepper();
  }

  /** Plays events at the chosen speed. */
  play(): void {
    if (this.state.stepper.playing) return;
    this.setStepper({ playing: true });
    this.lastFrame = 0;
    this.carry = 0;
    this.frame = this.frames.request((t) => this.tick(t));
  }

  /** Stops playing. */
  pause(): void {
    if (this.state.stepper.playing) this.setStepper({ playing: false });
    this.stopLoop();
  }

  /** Play or pause. */
  togglePlay(): void {
    if (this.state.stepper.playing) this.pause();
    else this.play();
  }

  /** Sets the play speed (an index into SPEEDS). */
  setSpeed(index: number): void {
    this.setStepper({ speed: Math.max(0, Math.min(SPEEDS.length - 1, Math.round(index))) });
  }

  /** Whether each training step starts with zero_grad. */
  setZeroGrad(on: boolean): void {
    this.setStepper({ zeroGrad: on });
  }

  /** Labels nodes with PyTorch's backward function names. */
  setGradFnLabels(on: boolean): void {
    this.setStepper({ gradFnLabels: on });
  }

  /** Follows one element of a node's output in the tables and the explanation; null goes back to element 0. */
  follow(element: FollowedElement | null): void {
    const valid = element !== null && Number.isInteger(element.index) && element.index >= 0;
    this.setStepper({ followed: valid ? { node: element.node, index: element.index } : null });
  }

  // ── Training ─────────────────────────────────────────────────────────────

  /** Trains for the document's epochs in the worker: one undo entry for the run. */
  train(): void {
    this.training.start();
    // From now on the status line speaks of the run, until something else runs.
    if (this.training.running) this.store.setState((s) => ({ run: { ...s.run, lastRun: null } }));
  }

  /** Pauses the run; what it reached is written into the document. */
  pauseTraining(): void {
    this.training.pause();
  }

  /** Goes on with a paused run. */
  resumeTraining(): void {
    this.training.resume();
  }

  /** Stops any run and puts back the parameters, optimizer state and curve from before it. */
  resetTraining(): void {
    this.training.reset();
  }

  // ── The Data panel's draft ───────────────────────────────────────────────

  /** Puts a dataset in the panel to prepare (an import, a built-in one). */
  loadDraft(draft: DatasetDraft): void {
    this.setDatasets({ draft, errors: null });
  }

  /** Says why an import was refused; the draft stays. */
  failDraft(messages: readonly ImportMessage[]): void {
    this.setDatasets({ errors: messages });
  }

  /** Sets a column's role. */
  setRole(column: string, role: ColumnRole): void {
    const draft = this.state.datasets.draft;
    if (draft) this.setDatasets({ draft: { ...draft, roles: { ...draft.roles, [column]: role } } });
  }

  /** Sets the train/test split. */
  setSplit(split: Partial<SplitChoice>): void {
    this.setDatasets({ split: { ...this.state.datasets.split, ...split } });
  }

  /** Sets how feature columns are scaled. */
  setScaling(scaling: Scaling): void {
    this.setDatasets({ scaling });
  }

  /** Restores the panel as autosave left it. */
  restoreDatasets(datasets: SessionState['datasets']): void {
    this.store.setState({ datasets });
  }

  /**
   * Writes the draft into the document (the dataset and the inputs bound to it) as one
   * undoable step, new input nodes placed inside `place` (what the canvas shows) when given,
   * and says in the notice bar exactly which nodes it rebound and which it created.
   */
  bindDraft(place?: BindView): void {
    const { draft, split, scaling } = this.state.datasets;
    if (!draft) return;
    const plan = planBind(draft, split, scaling);
    if (bindProblem(plan)) return;
    let bound: InputBinding[] = [];
    this.edit('bind dataset', (d) => {
      bound = bindDataset(d as GraphFile, plan, place);
    });
    this.notify(bindNotice(plan.name, bound));
  }

  // ── The code panel's text ────────────────────────────────────────────────

  /** Hands the code panel text to show as the learner's own (it is not run); the panel takes it when it is next shown. */
  offerCode(code: string): void {
    this.store.setState({ codeOffer: code });
  }

  /** The code panel has shown the offered code: nothing waits for it any more. */
  takeCodeOffer(): void {
    if (this.state.codeOffer !== null) this.store.setState({ codeOffer: null });
  }

  // ── Inside ───────────────────────────────────────────────────────────────

  private setDatasets(patch: Partial<SessionState['datasets']>): void {
    this.store.setState((s) => ({ datasets: { ...s.datasets, ...patch } }));
  }

  private setStepper(patch: Partial<StepperState>): void {
    this.store.setState((s) => ({ stepper: { ...s.stepper, ...patch } }));
  }

  /** What goes with the open document now, saved to Recent entry `entry`. */
  private placeNow(entry: string | null): DocumentPlace {
    const s = this.state;
    return { entry, selection: s.selection, viewport: s.viewport, datasets: s.datasets };
  }

  /** Undo or Redo: `place` is what comes back with the document when the step crossed is an open. */
  private moveInHistory(h: History<GraphFile, DocumentPlace>, place?: DocumentPlace): void {
    if (h === this.state.history) return;
    if (this.training.running) {
      // Undo takes back exactly its entry: the run ends here and nothing more of it is written.
      // The program shows the run's latest parameters, ahead of the document: load the document's own again.
      this.training.stop();
      this.loaded = new Map();
    } else {
      this.training.forget();
    }
    if (place?.entry && this.switchEntry) this.switchEntry(place.entry);
    const also: Partial<SessionState> = place
      ? { selection: keepExisting(h.present, place.selection), viewport: place.viewport, datasets: place.datasets }
      : { selection: keepExisting(h.present, this.state.selection) };
    this.changeDocument(h, also);
  }

  /**
   * The session's own write into the document (a played update, a run's progress, Reset):
   * one undo entry, merged by `mergeKey`. `own`: the program already holds what is written,
   * so gradients and the step being shown stay.
   */
  private write(label: string, recipe: (doc: Draft<GraphFile>) => void, mergeKey: string | undefined, own: boolean): void {
    const h = record(this.state.history, label, recipe, mergeKey);
    if (h !== this.state.history) this.changeDocument(h, {}, own);
  }

  /**
   * Brings everything to a new version of the document: compiles it when what it computes
   * changed (once per version), else loads changed parameter values into the program; the
   * step being played is dropped when what it was computed from changed.
   */
  private changeDocument(history: History<GraphFile, DocumentPlace>, also: Partial<SessionState> = {}, own = false): void {
    const doc = history.present;
    const s = this.state;
    let stepper = s.stepper;
    let run = s.run;
    let compiled = s.compiled;
    // Nothing may throw out of an edit: a document that breaks the page's own code becomes an internal run error.
    try {
      if (!own && !sameInputs(this.stepperInputs, stepInputs(doc))) {
        this.stepping = null;
        const dropped = this.dropRecording();
        stepper = { ...stepper, ...this.clearedStepper() };
        if (dropped) run = { ...run, ...dropped };
        this.stepperInputs = stepInputs(doc);
      }
      if (!isCompiled(compiled, doc, this.loaded)) {
        compiled = compileDocument(doc, this.compileFn);
        this.loaded = loadedParamsOf(doc);
        const program = compiled.program;
        run = { ...FRESH_RUN, runError: program ? attempt(() => program.forward()) : null, version: run.version + 1 };
      } else if (compiled.program) {
        const program = compiled.program;
        const changed = loadParams(program, doc, this.loaded);
        if (changed && own) run = { ...run, runError: attempt(() => program.forward()), version: run.version + 1 };
        // The user changed a parameter: what was computed from the old values is gone, as after any edit (the gradients too, so the next Backward does not add to them).
        else if (changed)
          run = {
            ...FRESH_RUN,
            runError: attempt(() => {
              program.zeroGrad();
              program.forward();
            }),
            version: run.version + 1,
          };
      } else {
        this.loaded = loadedParamsOf(doc);
      }
      if (own) this.stepperInputs = stepInputs(doc);
    } catch (e) {
      this.recording = null;
      this.stepping = null;
      this.loaded = new Map();
      this.stepperInputs = [];
      stepper = { ...stepper, ...this.clearedStepper() };
      compiled = { key: '', datasets: {}, problems: [], shapes: new Map(), program: null };
      run = { ...FRESH_RUN, runError: runErrorOf(e), version: run.version + 1 };
    }
    this.store.setState({ history, compiled, run, stepper, ...also });
  }

  /** Replaces the whole document: nothing of the old one's run, step, training or Data panel carries over. All or nothing. */
  private replaceDocument(history: History<GraphFile, DocumentPlace>, place: DocumentPlace): void {
    const before = this.state;
    const loaded = this.loaded;
    const inputs = this.stepperInputs;
    const stepping = this.stepping;
    const doc = history.present;
    this.pause();
    const dropped = this.dropRecording();
    if (dropped) this.store.setState((s) => ({ run: { ...s.run, ...dropped } }));
    const compiled: CompiledDocument = compileDocument(doc, this.compileFn);
    const program = compiled.program;
    const runError = program ? attempt(() => program.forward()) : null;
    const previous = this.state;
    try {
      this.loaded = loadedParamsOf(doc);
      this.stepperInputs = stepInputs(doc);
      this.stepping = null;
      this.scratched = false;
      this.store.setState({
        history,
        selection: place.selection,
        viewport: place.viewport,
        datasets: place.datasets,
        notice: null,
        compiled,
        run: { ...FRESH_RUN, runError, version: before.run.version + 1 },
        backwardPick: null,
        // Another document's element is not followed into this one.
        stepper: { ...before.stepper, ...this.clearedStepper(), followed: null },
      });
    } catch (e) {
      this.loaded = loaded;
      this.stepperInputs = inputs;
      this.stepping = stepping;
      try {
        this.store.setState(previous, true);
      } catch {
        // The previous document was open a moment ago; if putting it back fails the same way, the error boundary shows it.
      }
      throw e;
    }
    this.training.stop();
  }

  /** The step-through's state with no step: its settings stay. */
  private clearedStepper(): Partial<StepperState> {
    this.stopLoop();
    return { events: [], cursor: -1, step: 0, committed: false, playing: false, error: null, divergence: null, nodes: new Map(), edges: new Map() };
  }

  /**
   * Drops the recorded step; an unplayed update is taken out of the program, and the stepping
   * run ends with it (the rule has counted a step the document never got). Returns the
   * backward state to put back, if it changed.
   */
  private dropRecording(): Partial<RunState> | null {
    const rec = this.recording;
    this.recording = null;
    if (!rec || this.state.stepper.committed) return null;
    this.stepping = null;
    undoStep(rec);
    return { backwardCount: this.backwardBefore.count, backwardFrom: this.backwardBefore.from, version: this.state.run.version + 1 };
  }

  /** Drops any step being shown (before a run control or a training run acts on the program). */
  private clearStepper(): void {
    const dropped = this.dropRecording();
    this.stepperInputs = stepInputs(this.state.history.present);
    const stepper = { ...this.state.stepper, ...this.clearedStepper() };
    this.store.setState((s) => ({ stepper, ...(dropped ? { run: { ...s.run, ...dropped } } : {}) }));
  }

  private needsNewStep(): boolean {
    const s = this.state.stepper;
    return !this.recording || s.events.length === 0 || s.cursor >= s.events.length - 1;
  }

  private stepError(message: string): false {
    this.setStepper({ error: message, playing: false });
    this.stopLoop();
    return false;
  }

  /** Records the next training step on the session's program; false (with the reason shown) when it cannot. */
  private startStep(): boolean {
    const s = this.state;
    if (s.stepper.divergence) {
      this.pause();
      return false;
    }
    if (this.training.running) return this.stepError(translate(this.lang(), 'stepper.busy'));
    const { program, problems } = s.compiled;
    const errors = problems.filter((p) => p.severity === 'error');
    const t = (key: string, vars?: Readonly<Record<string, string | number>>) => translate(this.lang(), key, vars);
    if (!program || errors.length > 0) return this.stepError(errors.map((p) => problemText(t, p)).join('; ') || t('train.hasErrors'));
    if (program.loss === undefined) return this.stepError(t('train.noLoss'));
    // The last step is kept (it is in the document); a new one starts from there.
    this.recording = null;
    const doc = s.history.present;
    const step = curveOf(s).epochs + 1;
    const zero = s.stepper.zeroGrad;
    try {
      const optimizer = createOptimizer(doc.training.optimizer, program.params, fileOptimizerState(doc), program.dtype);
      // The same rule as training and the CLI, over this stepping run: steps count from 1, growth from the run's first loss.
      const run = this.stepping ?? new SteppingRun(doc, step);
      this.stepping = run;
      run.begin(doc);
      this.backwardBefore = { count: s.run.backwardCount, from: s.run.backwardFrom };
      this.recording = recordStep(program, optimizer, run.watch, zero);
    } catch (e) {
      this.stepping = null;
      return this.stepError(e instanceof EngineError ? runErrorText(t, e) : e instanceof Error ? e.message : String(e));
    }
    this.stepperInputs = stepInputs(doc);
    const events = this.recording.events;
    this.store.setState((st) => ({
      stepper: { ...st.stepper, events, cursor: -1, step, committed: false, error: null, divergence: null, nodes: new Map(), edges: new Map() },
      run: { ...st.run, backwardCount: zero ? 0 : st.run.backwardCount, version: st.run.version + 1 },
    }));
    return true;
  }

  /**
   * Moves playback to `cursor`. Until the step is written, the program follows: gradients
   * appear at the end of backward (as `.grad` fills in PyTorch), each parameter changes as its
   * update plays; when the last event has played, the update is written into the document.
   */
  private moveTo(cursor: number): void {
    const rec = this.recording;
    if (!rec) return;
    const s = this.state;
    const doc = s.history.present;
    let run = s.run;
    const stepper: StepperState = { ...s.stepper, cursor, ...this.views(rec.events, cursor, doc) };
    if (!s.stepper.committed) {
      if (showAt(rec, cursor)) {
        const done = backwardDone(rec, cursor);
        const before = this.backwardBefore;
        const zero = s.stepper.zeroGrad;
        run = {
          ...run,
          backwardCount: done ? (zero ? 1 : before.count + 1) : zero ? 0 : before.count,
          backwardFrom: done ? (s.compiled.program?.loss ?? before.from) : before.from,
          version: run.version + 1,
        };
      }
      if (cursor >= rec.events.length - 1) {
        if (rec.divergence) {
          // The step that broke the rule is played out in full; its update is not kept, the parameters go back as
          // training's do, and stepping stops and says why.
          keepParamsBefore(rec);
          this.stopLoop();
          this.store.setState({ run: { ...run, version: run.version + 1 }, stepper: { ...stepper, divergence: rec.divergence, playing: false } });
          this.commitDivergence(rec, rec.divergence, stepper.step);
          return;
        }
        this.store.setState({ run, stepper });
        this.commitStep(rec, stepper.step);
        return;
      }
    }
    this.store.setState({ run, stepper });
  }

  /** Writes a played step into the document: its parameters, the optimizer's state and the curve, as one undo entry ("Step 3"). */
  private commitStep(rec: StepRecording, step: number): void {
    const program = this.state.compiled.program;
    if (!program) return;
    const curve = curveOf(this.state);
    const params = paramValuesOf(program);
    const history = appendTrail(appendLosses(curve, [rec.loss]), [{ epoch: step, params }], [{ epoch: step, state: stateSamples(rec.optimizerState) }]);
    this.write(
      translate(this.lang(), 'session.step', { n: step }),
      (d) => {
        for (const u of rec.updates) {
          const node = d.nodes.find((n) => n.id === u.param.node);
          if (node) node.params = { ...node.params, [u.param.name]: { shape: [...u.param.shape], data: Array.from(u.after, toFileNumber) } };
        }
        if (rec.updates.length > 0) d.optimizerState = toFileOptimizerState(rec.optimizerState);
        d.history = history;
      },
      undefined,
      true,
    );
    this.store.setState((s) => ({ stepper: { ...s.stepper, committed: true }, run: { ...s.run, lastRun: { type: 'step', step, loss: rec.loss, updated: rec.updates.length > 0 } } }));
  }

  /**
   * Writes the step that broke the divergence rule into the document as one undo entry, as
   * training does: its loss joins the curve, and the parameters and the optimizer state go
   * back to where the stepping run's last good step started (where this step started when
   * it was the run's first), the trail ending there.
   */
  private commitDivergence(rec: StepRecording, d: NonNullable<StepRecording['divergence']>, step: number): void {
    const program = this.state.compiled.program;
    if (!program) return;
    const target = this.stepping?.restoreTarget(d) ?? this.state.history.present;
    const restored = program.params.map((p) => p.node);
    const history = appendTrail(
      appendLosses(curveOf(this.state), [rec.loss]),
      [{ epoch: step, params: storedParamValues(target, program) }],
      [{ epoch: step, state: stateSamples(fileOptimizerState(target)) }],
    );
    this.write(
      translate(this.lang(), 'session.stepDiverged', { n: step }),
      (doc) => {
        for (const n of doc.nodes) {
          if (!restored.includes(n.id)) continue;
          const from = target.nodes.find((m) => m.id === n.id)?.params;
          if (from === undefined) delete n.params;
          else n.params = from;
        }
        if (target.optimizerState === undefined) delete doc.optimizerState;
        else doc.optimizerState = target.optimizerState;
        doc.history = history;
      },
      undefined,
      true,
    );
    this.store.setState((s) => ({ stepper: { ...s.stepper, committed: true } }));
  }

  /** Node and edge views at the cursor; views that did not change keep their identity, so only what changed re-renders. */
  private views(events: readonly TraceEvent[], cursor: number, doc: GraphFile): { nodes: Map<string, NodeView>; edges: Map<string, EdgeView> } {
    const prev = this.state.stepper;
    const p = { events, cursor };
    const nodes = new Map<string, NodeView>();
    for (const [id, v] of nodeViews(p)) {
      const old = prev.nodes.get(id);
      nodes.set(id, old && sameNodeView(old, v) ? old : v);
    }
    const plain: PlainEdge[] = doc.edges.map((e) => ({ source: e.source, target: e.target, targetPort: e.targetPort }));
    const edges = new Map<string, EdgeView>();
    for (const [id, v] of edgeViews(p, plain)) {
      const old = prev.edges.get(id);
      edges.set(id, old && sameEdgeView(old, v) ? old : v);
    }
    return { nodes, edges };
  }

  private tick(t: number): void {
    const s = this.state.stepper;
    if (!s.playing) return;
    const rate = SPEEDS[s.speed];
    if (rate === Infinity) this.stepTrainingStep();
    else {
      const due = eventsDue(this.carry, this.lastFrame === 0 ? 0 : t - this.lastFrame, rate);
      this.carry = due.carry;
      for (let k = 0; k < Math.min(due.count, 1000) && this.state.stepper.playing; k++) this.step();
    }
    this.lastFrame = t;
    if (this.state.stepper.playing) this.frame = this.frames.request((u) => this.tick(u));
  }

  private stopLoop(): void {
    if (this.frame) this.frames.cancel(this.frame);
    this.frame = 0;
  }

  /** A running run's latest parameters, in the program for every view. */
  private showParams(params: ParamValues): void {
    const program = this.state.compiled.program;
    if (!program) return;
    let changed = false;
    for (const p of program.params) {
      const v = params[paramKey(p)];
      if (v && v.length === p.value.length) {
        p.value.set(v);
        changed = true;
      }
    }
    if (!changed) return;
    const runError = attempt(() => program.forward());
    this.store.setState((s) => ({ run: { ...s.run, runError, version: s.run.version + 1 } }));
  }
}
