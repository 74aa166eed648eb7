import type { Divergence } from '../../engine';
import type { FileNode, GraphFile } from '../../engine/format/schema';
import { toFileNumber, toFileOptimizerState } from '../../engine/format/convert';
import { useLanguage } from '../i18n/language';
import { translate } from '../i18n/useT';
import { useEditor, useRun } from '../store';
import { useMarks } from '../store/marksStore';
import { divergenceText } from './divergenceText';
import { type FromWorker, type OptimizerTrailPoint, paramKey, type Progress, type ToWorker, type TrailPoint } from './protocol';
import { Throttle } from './throttle';
import { IDLE_TRAINING, type ParamValues, type TrainingState, useTraining } from './trainingStore';

/**
 * How often a running run writes its parameters into the document, so autosave keeps them
 * and a reload does not lose the run; seldom enough that recompiling the document is cheap.
 */
export const RUN_SAVE_MS = 1000;

/** Test seams: the clock the write throttle reads, and the interval. */
export interface ControllerOptions {
  readonly now?: () => number;
  readonly saveEveryMs?: number;
}

/** What the page needs to know about the run it started, beyond the store: where to write back, what Reset restores. */
interface RunRecord {
  /** Each trainable node's `params` and the optimizer state before the run, restored exactly by Reset. */
  readonly startNodes: ReadonlyMap<string, FileNode['params']>;
  readonly startOptimizerState: GraphFile['optimizerState'];
  /** Shapes of the parameters by `node.name`. */
  readonly shapes: ReadonlyMap<string, readonly number[]>;
  /** The learning rate of the run (for the divergence message). */
  lr: number;
  /** Epochs finished before the current worker session started (a resume after an edit starts a new session). */
  offset: number;
  /** The document the current session trains (to tell the user's edits of a parameter from the run's). */
  sessionDoc: GraphFile;
  /** The document right after the last write-back; Resume continues in the same session when it is still open. */
  writtenDoc: GraphFile | null;
  /** Every write of this run merges into one undo entry under this key. */
  readonly mergeKey: string;
}

/** Appends trail samples shifted by the session's offset. */
function shifted<T extends { epoch: number }>(points: readonly T[], offset: number): T[] {
  return offset === 0 ? [...points] : points.map((p) => ({ ...p, epoch: p.epoch + offset }));
}

/** A divergence with its epochs counted over the whole run rather than the worker session. */
function overRun(d: Divergence, offset: number): Divergence {
  if (offset === 0) return d;
  return { ...d, epoch: d.epoch + offset, lastGoodEpoch: (d.lastGoodEpoch ?? 0) + offset };
}

/**
 * Runs training in a Web Worker and mirrors it into `useTraining`: losses and trail samples
 * are buffered and written once per animation frame; the trained parameters go into the
 * document at most once a second while it runs and when it pauses, ends or diverges, all as
 * one undoable edit `train`.
 */
export class TrainingController {
  private worker: Worker | null = null;
  private run: RunRecord | null = null;
  private runs = 0;
  private writing = false;
  private readonly saves: Throttle;
  private frame = 0;
  private pending: { losses: number[]; testLosses: number[]; trail: TrailPoint[]; optimizerTrail: OptimizerTrailPoint[]; last: Progress | null } = {
    losses: [],
    testLosses: [],
    trail: [],
    optimizerTrail: [],
    last: null,
  };
  private sampled: TrailPoint[] = [];

  private readonly unsubscribe: () => void;
  private readonly unsubscribeLanguage: () => void;

  constructor(
    private readonly createWorker: () => Worker,
    options: ControllerOptions = {},
  ) {
    this.saves = new Throttle(options.saveEveryMs ?? RUN_SAVE_MS, options.now ?? (() => performance.now()));
    this.unsubscribe = useEditor.subscribe((s, prev) => {
      // The run's own writes (this.writing) change the document too; only the user's pause it.
      if (s.history.present === prev.history.present || this.writing) return;
      if (useTraining.getState().status === 'running') this.pause(true);
    });
    // The divergence message and the node marks follow the interface language.
    this.unsubscribeLanguage = useLanguage.subscribe((s, prev) => {
      const d = useTraining.getState().divergence;
      if (s.lang !== prev.lang && d) this.showDivergence(d.detail, d.lr);
    });
  }

  /** Stops the worker and stops watching the editor (tests make one controller each). */
  dispose(): void {
    this.stopWorker();
    this.unsubscribe();
    this.unsubscribeLanguage();
  }

  /** Starts a new run from the document as it is. */
  start(): void {
    const doc = useEditor.getState().history.present;
    const { program, problems } = useRun.getState();
    const reason = problems.some((p) => p.severity === 'error') || !program ? 'train.hasErrors' : doc.loss === null ? 'train.noLoss' : null;
    const lang = useLanguage.getState().lang;
    if (reason) {
      useTraining.setState({ error: translate(lang, 'train.cannot', { reason: translate(lang, reason) }) });
      return;
    }
    this.stopWorker();
    const startParams: Record<string, number[]> = {};
    const shapes = new Map<string, readonly number[]>();
    for (const p of program?.params ?? []) {
      startParams[paramKey(p)] = Array.from(p.value);
      shapes.set(paramKey(p), [...p.shape]);
    }
    this.run = {
      startNodes: new Map(doc.nodes.filter((n) => program?.params.some((p) => p.node === n.id)).map((n) => [n.id, n.params])),
      startOptimizerState: doc.optimizerState,
      shapes,
      lr: doc.training.optimizer.lr,
      offset: 0,
      sessionDoc: doc,
      writtenDoc: null,
      mergeKey: `train-run-${++this.runs}`,
    };
    this.saves.reset();
    this.sampled = [];
    this.pending = { losses: [], testLosses: [], trail: [], optimizerTrail: [], last: null };
    useMarks.getState().setMarks({});
    useTraining.setState({ ...IDLE_TRAINING, status: 'running', epochs: doc.training.epochs, startParams });
    this.post({ type: 'start', file: doc, epochs: doc.training.epochs });
  }

  /** Pauses the run; the worker answers with its latest state, which is written back. */
  pause(byEdit = false): void {
    if (useTraining.getState().status !== 'running' || !this.worker) return;
    this.worker.postMessage({ type: 'pause' } satisfies ToWorker);
    useTraining.setState({ pausedByEdit: byEdit });
  }

  /** Resumes a paused run: in the same worker session when the document is as the run left it, else a new session from the document. */
  resume(): void {
    const s = useTraining.getState();
    const run = this.run;
    if (s.status !== 'paused' || !run) return;
    const doc = useEditor.getState().history.present;
    useTraining.setState({ status: 'running', pausedByEdit: false, error: null });
    if (this.worker && run.writtenDoc === doc) {
      this.worker.postMessage({ type: 'resume' } satisfies ToWorker);
      return;
    }
    this.stopWorker();
    run.offset = s.epoch;
    run.sessionDoc = doc;
    run.lr = doc.training.optimizer.lr;
    this.saves.reset();
    // The new session's divergence rule still measures growth from the run's first loss.
    this.post({ type: 'start', file: doc, epochs: Math.max(0, s.epochs - s.epoch), firstLoss: s.lossHistory[0] });
  }

  /** Stops any run and restores the parameters (and optimizer state) from before it, as one undoable edit. */
  reset(): void {
    const run = this.run;
    this.stopWorker();
    this.run = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    useMarks.getState().setMarks({});
    useTraining.setState(IDLE_TRAINING);
    if (!run) return;
    this.writeDoc('reset parameters', undefined, (d) => {
      for (const n of d.nodes) {
        if (!run.startNodes.has(n.id)) continue;
        const params = run.startNodes.get(n.id);
        if (params === undefined) delete n.params;
        else n.params = structuredClone(params);
      }
      if (run.startOptimizerState === undefined) delete d.optimizerState;
      else d.optimizerState = structuredClone(run.startOptimizerState);
    });
  }

  private post(m: ToWorker): void {
    const w = this.createWorker();
    this.worker = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      // A message from a worker that has since been replaced belongs to an old run.
      if (this.worker === w) this.receive(e.data);
    };
    w.onerror = (e) => {
      if (this.worker !== w) return;
      this.stopWorker();
      useTraining.setState({ status: 'idle', error: translate(useLanguage.getState().lang, 'train.error', { message: e.message || 'worker failed' }) });
    };
    w.postMessage(m);
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private receive(m: FromWorker): void {
    const run = this.run;
    if (!run) return;
    if (m.type === 'error') {
      this.stopWorker();
      this.flush();
      useTraining.setState({ status: 'paused', error: translate(useLanguage.getState().lang, 'train.error', { message: m.message }) });
      return;
    }
    this.buffer(m, run.offset);
    if (m.type === 'progress') {
      // Written into the document now and then, so autosave keeps the run if the page goes away;
      // not after the user edited it (that pauses the run, and the pause's write-back sorts it out).
      if (this.saves.due() && useEditor.getState().history.present === run.sessionDoc) this.writeBack(m, run);
      if (this.frame === 0) this.frame = requestAnimationFrame(() => this.flush());
      return;
    }
    this.flush();
    this.writeBack(m, run);
    if (m.type === 'paused') {
      useTraining.setState({ status: 'paused' });
    } else if (m.type === 'done') {
      this.stopWorker();
      useTraining.setState({ status: 'done' });
    } else {
      this.stopWorker();
      this.showDivergence(overRun(m.divergence, run.offset), run.lr);
    }
  }

  // Says why the run stopped, in the interface language, on the panel and on the nodes.
  private showDivergence(detail: Divergence, lr: number): void {
    const message = divergenceText(useLanguage.getState().lang, detail, lr);
    const divergence: TrainingState['divergence'] = { epoch: detail.epoch, nodes: [...detail.nodes], message, rule: detail.rule, detail, lr };
    useMarks.getState().setMarks(Object.fromEntries(detail.nodes.map((id) => [id, { kind: 'diverged' as const, message }])));
    useTraining.setState({ status: 'diverged', divergence });
  }

  private buffer(m: Progress, offset: number): void {
    const p = this.pending;
    p.losses.push(...m.losses);
    p.testLosses.push(...m.testLosses);
    p.trail.push(...shifted(m.trail, offset));
    p.optimizerTrail.push(...shifted(m.optimizerTrail, offset));
    p.last = { ...m, epoch: m.epoch + offset };
  }

  /** Writes what arrived since the last frame into the store, and the latest parameters into the editor's run. */
  private flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const p = this.pending;
    const last = p.last;
    if (!last) return;
    this.pending = { losses: [], testLosses: [], trail: [], optimizerTrail: [], last: null };
    this.sampled = this.sampled.concat(p.trail);
    const end = this.sampled[this.sampled.length - 1];
    // The sampled trail plus the live point, so views that read the trail's end move at screen rate.
    const trail = end && end.epoch < last.epoch ? [...this.sampled, { epoch: last.epoch, params: last.params }] : this.sampled;
    useTraining.setState((s) => ({
      epoch: last.epoch,
      lossHistory: p.losses.length > 0 ? s.lossHistory.concat(p.losses) : s.lossHistory,
      testLossHistory: p.testLosses.length > 0 ? s.testLossHistory.concat(p.testLosses) : s.testLossHistory,
      trail,
      optimizerTrail: p.optimizerTrail.length > 0 ? s.optimizerTrail.concat(p.optimizerTrail) : s.optimizerTrail,
      stepsPerSecond: last.stepsPerSecond,
    }));
    this.showParams(last.params);
  }

  // Copies the latest parameters into the editor's compiled program and runs forward, so the
  // canvas shows the model as it learns without an undoable edit per frame.
  private showParams(params: ParamValues): void {
    const { program, forward } = useRun.getState();
    if (!program) return;
    let changed = false;
    for (const p of program.params) {
      const v = params[paramKey(p)];
      if (v && v.length === p.value.length) {
        p.value.set(v);
        changed = true;
      }
    }
    if (changed) forward();
  }

  private writeBack(m: Progress, run: RunRecord): void {
    const session = run.sessionDoc;
    // Parameters the user edited while the run went on: their edit wins. Immer keeps an
    // untouched tensor the same object, so identity tells the user's edits from the run's.
    const present = useEditor.getState().history.present;
    const edited = (id: string, name: string) =>
      present.nodes.find((n) => n.id === id)?.params?.[name] !== session.nodes.find((n) => n.id === id)?.params?.[name];
    this.writeDoc('train', run.mergeKey, (d) => {
      for (const [key, values] of Object.entries(m.params)) {
        const dot = key.lastIndexOf('.');
        const id = key.slice(0, dot);
        const name = key.slice(dot + 1);
        const node = d.nodes.find((n) => n.id === id);
        if (!node || edited(id, name)) continue;
        const shape = run.shapes.get(key) ?? [values.length];
        node.params = { ...node.params, [name]: { shape: [...shape], data: values.map(toFileNumber) } };
      }
      d.optimizerState = toFileOptimizerState(m.optimizerState);
    });
    // The worker's session can continue only if nothing but the run changed the document.
    const written = useEditor.getState().history.present;
    run.writtenDoc = present === session ? written : null;
    run.sessionDoc = written;
  }

  private writeDoc(label: string, mergeKey: string | undefined, recipe: (d: GraphFile) => void): void {
    this.writing = true;
    try {
      useEditor.getState().edit(label, recipe, mergeKey);
    } finally {
      this.writing = false;
    }
  }
}
