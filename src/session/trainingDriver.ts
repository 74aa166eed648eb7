import { type Divergence, type FileHistory, type FileNode, type GraphFile, toFileNumber, toFileOptimizerState } from '../../engine';
import type { Language } from '../i18n/language';
import { runErrorText } from '../i18n/problemText';
import { translate } from '../i18n/useT';
import { type FromWorker, paramKey, type Progress, type ToWorker } from '../training/protocol';
import { Throttle } from '../training/throttle';
import { appendLosses, appendTrail, EMPTY_HISTORY, type OptimizerTrailPoint, type ParamValues, type TrailPoint } from './runHistory';
import { IDLE_TRAINING, type SessionState, type TrainingState } from './types';

/**
 * How often a running run writes its parameters and curve into the document, so autosave
 * keeps them and a reload does not lose the run; seldom enough to stay cheap.
 */
export const RUN_SAVE_MS = 1000;

/** What the driver needs of the session: it reads the session's state and changes it only through these. */
export interface TrainingHost {
  state(): SessionState;
  lang(): Language;
  /** Sets the run's state (and any other part of the session's state with it). */
  setTraining(training: Partial<TrainingState>, also?: Partial<SessionState>): void;
  /** Puts the run's latest parameters into the session's program and runs forward, so every view follows the run. */
  showParams(params: ParamValues): void;
  /** The run's own write into the document: one undo entry per run (merged by key); it does not pause the run. */
  writeRun(label: string, mergeKey: string, recipe: (d: GraphFile) => void): void;
  /** Reset's write: the parameters from before the run, as one undoable edit that views treat like the user's. */
  writeReset(recipe: (d: GraphFile) => void): void;
  /** Drops a step being played (its update unwritten), before a run takes the model. */
  settleStepper(): void;
}

/** What the page needs to know about the run it started, beyond the state: where to write back, what Reset restores. */
interface RunRecord {
  readonly startNodes: ReadonlyMap<string, FileNode['params']>;
  readonly startOptimizerState: GraphFile['optimizerState'];
  readonly startHistory: GraphFile['history'];
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
  /** The curve's epochs when the current worker session started: its epochs count from there. */
  base: number;
  /** The run's first loss, which the divergence rule of every worker session of the run compares with. */
  firstLoss: number | undefined;
  /** Every write of this run merges into one undo entry under this key. */
  readonly mergeKey: string;
}

/** A divergence with its epochs counted over the whole run rather than the worker session. */
function overRun(d: Divergence, offset: number): Divergence {
  if (offset === 0) return d;
  return { ...d, epoch: d.epoch + offset, lastGoodEpoch: (d.lastGoodEpoch ?? 0) + offset };
}

/** Trail samples of a worker session, as epochs of the whole curve; the session's starting point is already on it. */
function onCurve<T extends { epoch: number }>(points: readonly T[], base: number): T[] {
  return points.filter((p) => p.epoch > 0).map((p) => ({ ...p, epoch: p.epoch + base }));
}

/**
 * Runs training in a Web Worker for the session. The worker compiles its own copy of the
 * document: it is another thread, and the one place a document is compiled outside the
 * session. Losses and trail samples are buffered and shown once per animation frame; the
 * parameters and the curve go into the document at most once a second while it runs and
 * when it pauses, ends or diverges, all as one undo entry.
 */
export class TrainingDriver {
  private worker: Worker | null = null;
  private run: RunRecord | null = null;
  private runs = 0;
  private readonly saves: Throttle;
  private frame = 0;
  /** The curve with the samples the worker took (every few epochs). */
  private sampled: FileHistory = EMPTY_HISTORY;
  /** The sampled curve with the latest parameters as its last trail point: what views draw and the document gets. */
  private curve: FileHistory = EMPTY_HISTORY;
  private pending: { losses: number[]; testLosses: number[]; trail: TrailPoint[]; optimizerTrail: OptimizerTrailPoint[]; last: Progress | null } = {
    losses: [],
    testLosses: [],
    trail: [],
    optimizerTrail: [],
    last: null,
  };

  constructor(
    private readonly host: TrainingHost,
    private readonly createWorker: (() => Worker) | null,
    private readonly frames: { request(cb: (t: number) => void): number; cancel(id: number): void },
    now: () => number,
    saveEveryMs = RUN_SAVE_MS,
  ) {
    this.saves = new Throttle(saveEveryMs, now);
  }

  /** True while a run is training. */
  get running(): boolean {
    return this.host.state().training.status === 'running';
  }

  /** Starts a new run from the document as it is. */
  start(): void {
    const s = this.host.state();
    const doc = s.history.present;
    const { program, problems } = s.compiled;
    const reason = problems.some((p) => p.severity === 'error') || !program ? 'train.hasErrors' : program.loss === undefined ? 'train.noLoss' : !this.createWorker ? 'train.noWorker' : null;
    const lang = this.host.lang();
    if (reason || !program) {
      this.host.setTraining({ error: translate(lang, 'train.cannot', { reason: translate(lang, reason ?? 'train.hasErrors') }) });
      return;
    }
    this.host.settleStepper();
    this.stopWorker();
    const startParams: Record<string, number[]> = {};
    const shapes = new Map<string, readonly number[]>();
    for (const p of program.params) {
      startParams[paramKey(p)] = Array.from(p.value);
      shapes.set(paramKey(p), [...p.shape]);
    }
    this.sampled = this.curve = doc.history ?? EMPTY_HISTORY;
    this.run = {
      startNodes: new Map(doc.nodes.filter((n) => program.params.some((p) => p.node === n.id)).map((n) => [n.id, n.params])),
      startOptimizerState: doc.optimizerState,
      startHistory: doc.history,
      shapes,
      lr: doc.training.optimizer.lr,
      offset: 0,
      sessionDoc: doc,
      writtenDoc: null,
      base: this.curve.epochs,
      firstLoss: undefined,
      mergeKey: `train-run-${++this.runs}`,
    };
    this.saves.reset();
    this.pending = { losses: [], testLosses: [], trail: [], optimizerTrail: [], last: null };
    this.host.setTraining({ ...IDLE_TRAINING, status: 'running', epochs: doc.training.epochs, startParams }, { marks: {}, liveHistory: this.curve });
    this.post({ type: 'start', file: doc, epochs: doc.training.epochs });
  }

  /** Pauses the run; the worker answers with its latest state, which is written back. */
  pause(byEdit = false): void {
    if (!this.running || !this.worker) return;
    this.worker.postMessage({ type: 'pause' } satisfies ToWorker);
    this.host.setTraining({ pausedByEdit: byEdit });
  }

  /** Resumes a paused run: in the same worker session when the document is as the run left it, else a new session from the document. */
  resume(): void {
    const s = this.host.state();
    const run = this.run;
    if (s.training.status !== 'paused' || !run) return;
    const doc = s.history.present;
    this.host.settleStepper();
    this.host.setTraining({ status: 'running', pausedByEdit: false, error: null });
    if (this.worker && run.writtenDoc === doc) {
      this.worker.postMessage({ type: 'resume' } satisfies ToWorker);
      return;
    }
    this.stopWorker();
    run.offset = s.training.epoch;
    run.sessionDoc = doc;
    run.lr = doc.training.optimizer.lr;
    this.sampled = this.curve = doc.history ?? EMPTY_HISTORY;
    run.base = this.curve.epochs;
    this.saves.reset();
    // The new session's divergence rule still measures growth from the run's first loss.
    this.post({ type: 'start', file: doc, epochs: Math.max(0, s.training.epochs - s.training.epoch), firstLoss: run.firstLoss });
  }

  /** Stops any run and puts back the parameters, optimizer state and curve from before it, as one undoable edit. */
  reset(): void {
    const run = this.run;
    this.stop();
    if (!run) return;
    this.host.writeReset((d) => {
      for (const n of d.nodes) {
        if (!run.startNodes.has(n.id)) continue;
        const params = run.startNodes.get(n.id);
        if (params === undefined) delete n.params;
        else n.params = params;
      }
      if (run.startOptimizerState === undefined) delete d.optimizerState;
      else d.optimizerState = run.startOptimizerState;
      if (run.startHistory === undefined) delete d.history;
      else d.history = run.startHistory;
    });
  }

  /**
   * Ends any run without writing anything more (another document was opened, or Undo or Redo
   * while it trains): progress not yet shown is dropped, and the page shows no run.
   */
  stop(): void {
    this.stopWorker();
    this.run = null;
    this.pending = { losses: [], testLosses: [], trail: [], optimizerTrail: [], last: null };
    this.frames.cancel(this.frame);
    this.frame = 0;
    this.host.setTraining(IDLE_TRAINING, { marks: {}, liveHistory: null });
  }

  /** The document changed under a run that is not running (Undo, Redo): a finished run no longer describes it. */
  forget(): void {
    const status = this.host.state().training.status;
    if (status === 'done' || status === 'diverged' || (status === 'idle' && this.run)) this.stop();
  }

  /** Stops the worker (the session is going away). */
  dispose(): void {
    this.stopWorker();
    this.frames.cancel(this.frame);
  }

  private post(m: ToWorker): void {
    if (!this.createWorker) return;
    const w = this.createWorker();
    this.worker = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      // A message from a worker that has since been replaced belongs to an old run.
      if (this.worker === w) this.receive(e.data);
    };
    w.onerror = () => {
      if (this.worker !== w) return;
      this.stopWorker();
      this.host.setTraining({ status: 'idle', error: translate(this.host.lang(), 'train.error', { message: translate(this.host.lang(), 'train.workerFailed') }) }, { liveHistory: null });
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
      const t = (key: string, vars?: Readonly<Record<string, string | number>>) => translate(this.host.lang(), key, vars);
      this.host.setTraining({ status: 'paused', error: t('train.error', { message: runErrorText(t, m) }) });
      return;
    }
    this.buffer(m, run);
    if (m.type === 'progress') {
      // Written into the document now and then, so autosave keeps the run if the page goes away;
      // not after the user edited it (that pauses the run, and the pause's write-back sorts it out).
      if (this.saves.due() && this.host.state().history.present === run.sessionDoc) {
        this.flush();
        this.writeBack(m, run);
      }
      if (this.frame === 0) this.frame = this.frames.request(() => this.flush());
      return;
    }
    this.flush();
    this.writeBack(m, run);
    if (m.type === 'paused') {
      this.host.setTraining({ status: 'paused' }, { liveHistory: null });
    } else if (m.type === 'done') {
      this.stopWorker();
      this.host.setTraining({ status: 'done' }, { liveHistory: null });
    } else {
      this.stopWorker();
      const detail = overRun(m.divergence, run.offset);
      this.host.setTraining(
        { status: 'diverged', divergence: { epoch: detail.epoch, nodes: [...detail.nodes], rule: detail.rule, detail, lr: run.lr } },
        { liveHistory: null, marks: Object.fromEntries(detail.nodes.map((id) => [id, { kind: 'diverged' as const }])) },
      );
    }
  }

  private buffer(m: Progress, run: RunRecord): void {
    const p = this.pending;
    p.losses.push(...m.losses);
    p.testLosses.push(...m.testLosses);
    p.trail.push(...m.trail);
    p.optimizerTrail.push(...m.optimizerTrail);
    p.last = { ...m, epoch: m.epoch + run.offset };
    if (run.firstLoss === undefined && m.losses.length > 0) run.firstLoss = m.losses[0];
  }

  /** Shows what arrived since the last frame: the run's state, its curve, and the latest parameters in the session's program. */
  private flush(): void {
    this.frames.cancel(this.frame);
    this.frame = 0;
    const run = this.run;
    const p = this.pending;
    const last = p.last;
    if (!last || !run) return;
    this.pending = { losses: [], testLosses: [], trail: [], optimizerTrail: [], last: null };
    const trail = onCurve(p.trail, run.base);
    const states = onCurve(p.optimizerTrail, run.base);
    this.sampled = appendTrail(appendLosses(this.sampled, p.losses, p.testLosses), trail, states);
    // The trail ends where the parameters are now, between the worker's samples too.
    const done = last.epoch - run.offset;
    this.curve = done > 0 ? appendTrail(this.sampled, [{ epoch: run.base + done, params: last.params }], [{ epoch: run.base + done, state: last.optimizer }]) : this.sampled;
    const s = this.host.state().training;
    this.host.setTraining(
      {
        epoch: last.epoch,
        lastLoss: p.losses.at(-1) ?? s.lastLoss,
        lastLog: last.log ?? s.lastLog,
        stepsPerSecond: last.stepsPerSecond,
      },
      { liveHistory: this.curve },
    );
    this.host.showParams(last.params);
  }

  private writeBack(m: Progress, run: RunRecord): void {
    const session = run.sessionDoc;
    // Parameters the user edited while the run went on: their edit wins. Immer keeps an
    // untouched tensor the same object, so identity tells the user's edits from the run's.
    const present = this.host.state().history.present;
    const edited = (id: string, name: string) =>
      present.nodes.find((n) => n.id === id)?.params?.[name] !== session.nodes.find((n) => n.id === id)?.params?.[name];
    const epochs = this.host.state().training.epoch;
    const curve = this.curve;
    this.host.writeRun(translate(this.host.lang(), epochs === 1 ? 'session.train.one' : 'session.train', { n: epochs }), run.mergeKey, (d) => {
      for (const [key, values] of Object.entries(m.params) as [string, readonly number[]][]) {
        const dot = key.lastIndexOf('.');
        const id = key.slice(0, dot);
        const name = key.slice(dot + 1);
        const node = d.nodes.find((n) => n.id === id);
        if (!node || edited(id, name)) continue;
        const shape = run.shapes.get(key) ?? [values.length];
        node.params = { ...node.params, [name]: { shape: [...shape], data: values.map(toFileNumber) } };
      }
      d.optimizerState = toFileOptimizerState(m.optimizerState);
      d.history = curve;
    });
    // The worker's session can continue only if nothing but the run changed the document.
    const written = this.host.state().history.present;
    run.writtenDoc = present === session ? written : null;
    run.sessionDoc = written;
  }
}
