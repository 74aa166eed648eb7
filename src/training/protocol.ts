import { type Divergence, type EpochLog, fileOptimizerState, fileToGraph, type GraphFile, MeasuredTraining, type ParamState, type ReasonParams, type RunReason, type Trainer } from '../../engine';
import type { OptimizerStateSample, OptimizerTrailPoint, ParamValues, TrailPoint } from '../session/runHistory';

/** Messages the page sends to the training worker, tagged by `type`. */
export type ToWorker =
  | {
      readonly type: 'start';
      readonly file: GraphFile;
      readonly epochs: number;
      /** The first loss of the run this session continues (after an edit), which the divergence rule compares with. */
      readonly firstLoss?: number;
    }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'stop' };

/** What the worker reports since its last message: new losses, the latest parameters and optimizer state. */
export interface Progress {
  /** Epochs finished so far in this run. */
  readonly epoch: number;
  readonly epochs: number;
  /** Training losses of the epochs finished since the last message. */
  readonly losses: readonly number[];
  /** Validation losses of the same epochs (the parameters after each), when the dataset has a `_test` split. */
  readonly testLosses: readonly number[];
  /** The latest epoch's log as the CLI prints it (loss, and acc, val_loss, val_acc where measured); null before the first. */
  readonly log: EpochLog | null;
  readonly params: ParamValues;
  /** The optimizer state as a graph file saves it (to write back), and as the plots read it. */
  readonly optimizerState: readonly ParamState[];
  readonly optimizer: Readonly<Record<string, OptimizerStateSample>>;
  /** Trail samples taken since the last message, counting the epochs of this worker session. */
  readonly trail: readonly TrailPoint[];
  readonly optimizerTrail: readonly OptimizerTrailPoint[];
  /** Optimizer steps per second since the run started (not counting compile time). */
  readonly stepsPerSecond: number;
}

/** Messages the worker sends to the page, tagged by `type`. */
export type FromWorker =
  | ({ readonly type: 'progress' } & Progress)
  | ({ readonly type: 'paused' } & Progress)
  | ({ readonly type: 'done' } & Progress)
  | ({
      readonly type: 'diverged';
      /**
       * What the engine's divergence rule found, in this session's epochs. The progress that
       * comes with it already holds the last good epoch's parameters and optimizer state.
       */
      readonly divergence: Divergence;
    } & Progress)
  | { readonly type: 'error'; readonly message: string; readonly node?: string; readonly reason?: RunReason; readonly params?: ReasonParams };

/** The most trail samples one run keeps; longer runs sample every k-th epoch. */
export const MAX_TRAIL = 2000;

/** The key of a parameter in snapshots: `linear.weight`. */
export function paramKey(p: { readonly node: string; readonly name: string }): string {
  return `${p.node}.${p.name}`;
}

function optimizerSample(s: ParamState): OptimizerStateSample {
  const arr = (v: ArrayLike<number> | null | undefined) => (v ? Array.from(v) : undefined);
  return { momentumBuffer: arr(s.momentumBuffer), expAvg: arr(s.expAvg), expAvgSq: arr(s.expAvgSq) };
}

/**
 * A training run, independent of any Worker: the worker drives it in time slices, tests
 * drive it directly. Each `advance` runs epochs until a budget is spent and returns the
 * message to post; the numbers are exactly the CLI's (the same Trainer on the same file).
 */
export class TrainingSession {
  readonly measured: MeasuredTraining;
  readonly epochs: number;
  private readonly stride: number;
  private readonly stepsPerEpoch: number;
  private done = 0;
  private sent = 0;
  private testLosses: number[] = [];
  private log: EpochLog | null = null;
  private trail: TrailPoint[] = [];
  private optimizerTrail: OptimizerTrailPoint[] = [];
  private elapsed = 0;

  constructor(file: GraphFile, epochs: number, firstLoss?: number) {
    const graph = fileToGraph(file);
    // The CLI's own measured run: the same losses, accuracies and validation split as `train` logs.
    this.measured = new MeasuredTraining(graph, { ...file.training, epochs }, fileOptimizerState(file), { firstLoss });
    this.epochs = Math.max(0, Math.floor(epochs));
    this.stride = Math.max(1, Math.ceil(this.epochs / MAX_TRAIL));
    const rows = this.trainer.program.slots.find((s) => s.def.name === 'input' && graph.nodes.find((n) => n.id === s.id)?.value?.type === 'columns')?.shape[0] ?? 1;
    const bs = file.training.batchSize;
    this.stepsPerEpoch = bs === null || bs >= rows ? 1 : Math.ceil(rows / bs);
    this.sample();
  }

  /** The trainer under the measured run. */
  get trainer(): Trainer {
    return this.measured.trainer;
  }

  /** Whether every epoch asked for has run. */
  get finished(): boolean {
    return this.done >= this.epochs;
  }

  /**
   * Runs up to `maxEpochs` epochs, stopping early when `now()` passes `deadline` (checked
   * after each epoch) or the divergence rule fires. Returns `progress`, `done` or `diverged`.
   */
  advance(maxEpochs: number, deadline = Infinity, now: () => number = () => performance.now()): FromWorker {
    const t0 = now();
    for (let k = 0; k < maxEpochs && this.done < this.epochs; k++) {
      this.log = this.measured.epoch();
      this.done++;
      if (this.log.val_loss !== undefined) this.testLosses.push(this.log.val_loss);
      const d = this.trainer.divergence;
      if (d) {
        // The trainer has put the last good epoch's parameters back: the trail ends there.
        this.sample(d.lastGoodEpoch ?? 0);
        break;
      }
      if (this.done % this.stride === 0 || this.done === this.epochs) this.sample();
      if (now() >= deadline) break;
    }
    this.elapsed += now() - t0;
    const progress = this.progress();
    const divergence = this.trainer.divergence;
    if (divergence) return { type: 'diverged', divergence, ...progress };
    return { type: this.finished ? 'done' : 'progress', ...progress };
  }

  /** The message for a pause: what has happened since the last message. */
  pause(): FromWorker {
    return { type: 'paused', ...this.progress() };
  }

  private sample(epoch = this.done): void {
    const state = this.optimizerState();
    this.trail.push({ epoch, params: this.params() });
    this.optimizerTrail.push({ epoch, state: Object.fromEntries(state.map((s) => [paramKey(s), optimizerSample(s)])) });
  }

  private params(): Record<string, number[]> {
    return Object.fromEntries(this.trainer.program.params.map((p) => [paramKey(p), Array.from(p.value)]));
  }

  private optimizerState(): ParamState[] {
    return this.trainer.optimizer.state().map((s) => ({
      ...s,
      momentumBuffer: s.momentumBuffer ? Array.from(s.momentumBuffer) : s.momentumBuffer,
      expAvg: s.expAvg ? Array.from(s.expAvg) : undefined,
      expAvgSq: s.expAvgSq ? Array.from(s.expAvgSq) : undefined,
      maxExpAvgSq: s.maxExpAvgSq ? Array.from(s.maxExpAvgSq) : undefined,
    }));
  }

  private progress(): Progress {
    const history = this.trainer.history;
    const losses = history.slice(this.sent);
    this.sent = history.length;
    const testLosses = this.testLosses;
    this.testLosses = [];
    const trail = this.trail;
    this.trail = [];
    const optimizerTrail = this.optimizerTrail;
    this.optimizerTrail = [];
    const state = this.optimizerState();
    return {
      epoch: this.done,
      epochs: this.epochs,
      losses,
      testLosses,
      log: this.log,
      params: this.params(),
      optimizerState: state,
      optimizer: Object.fromEntries(state.map((s) => [paramKey(s), optimizerSample(s)])),
      trail,
      optimizerTrail,
      stepsPerSecond: this.elapsed > 0 ? (this.done * this.stepsPerEpoch * 1000) / this.elapsed : 0,
    };
  }
}
