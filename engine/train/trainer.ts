import type { Graph } from '../graph/types';
import { compile } from '../exec/compile';
import { EngineError, type Program } from '../exec/program';
import { createOptimizer, type Optimizer, type OptimizerSettings, type ParamState } from '../optim/index';
import { permutation, seedAfter, seededRandom, type Random } from '../tensor/random';
import { type Divergence, type DivergenceSetting, DivergenceWatch, divergenceFactorOf, lossNodesOf } from './divergence';
import { AccuracyMeter, accuracyProblem, type MetricSettings } from './metrics';
import { TrainingSnapshot } from './snapshot';

/**
 * How to train: the optimizer, epochs, batch size (null for full batch), the shuffling seed,
 * the divergence factor (absent: the default; null: stop only on inf or nan; `"never"`: never stop), what to measure
 * besides the loss, and how often a log prints an epoch (the CLI and the export read it).
 */
export interface TrainSettings {
  readonly optimizer: OptimizerSettings;
  readonly epochs: number;
  readonly batchSize?: number | null;
  readonly seed?: number;
  readonly divergenceFactor?: DivergenceSetting;
  readonly metrics?: MetricSettings;
  readonly logEvery?: number;
}

/** Where a trainer continues an earlier run from: that run's first loss, which the growth rule compares with. */
export interface TrainContinuation {
  readonly firstLoss?: number;
}

/** How a trainer runs its steps. */
export interface TrainerOptions {
  /** Run forward and backward through the interpreter (the reference the compiled step is tested against). */
  readonly interpreted?: boolean;
}

/** A dataset-bound input and all its rows, for slicing mini-batches. */
interface BatchedInput {
  readonly id: string;
  readonly all: Float64Array;
  readonly width: number;
}

/**
 * Runs training steps on a graph: zero grads, forward, loss, backward, optimizer step.
 * Full batch by default; with a batch size, each epoch visits the rows in a seeded shuffled
 * order, with a smaller last batch when the rows do not divide evenly.
 *
 * Every epoch goes through the divergence rule (divergence.ts). When it fires, the
 * parameters and the optimizer state go back to where the last good epoch started, so
 * nothing diverged is ever handed on, and `divergence` says what happened.
 */
export class Trainer {
  /** The full-batch program: its parameters are the ones every batch trains. */
  readonly program: Program;
  /** Loss of each finished epoch (sample-weighted mean over its batches), the diverged one included. */
  readonly history: number[] = [];
  /** With `metrics.accuracy` and a classification loss: the accuracy of each finished epoch's forward passes (before their updates), like `history`. */
  readonly accuracy: number[] = [];
  /** Why training stopped, once the divergence rule fired; no epoch runs after that. */
  divergence: Divergence | null = null;
  private optim: Optimizer;
  private readonly watch: DivergenceWatch;
  // The state at the start of the previous epoch and of the current one; swapped, never reallocated.
  private previous = new TrainingSnapshot();
  private current = new TrainingSnapshot();
  private lastProgram: Program;
  private readonly batched: BatchedInput[];
  private readonly rows: number;
  private readonly batchSize: number;
  private readonly batchPrograms = new Map<number, Program>();
  private readonly random: Random;
  private readonly seed: number;
  private readonly meter: AccuracyMeter | null;
  /** Numbers the shuffle has drawn, so a saved run can continue the same stream (nextSeed). */
  private draws = 0;

  constructor(
    private readonly graph: Graph,
    readonly settings: TrainSettings,
    /** Optimizer state to continue from (momentum buffers, Adam moments), as a graph file saves it. */
    savedState: readonly ParamState[] = [],
    continuation: TrainContinuation = {},
    private readonly options: TrainerOptions = {},
  ) {
    const result = compile(graph);
    if (!result.program) throw new EngineError('runtime', result.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; '));
    this.program = result.program;
    if (this.program.loss === undefined) throw EngineError.because('no_loss', 'no_loss_train', {});
    this.optim = createOptimizer(settings.optimizer, this.program.params, savedState, this.program.dtype);
    this.lastProgram = this.program;
    this.watch = new DivergenceWatch(divergenceFactorOf(settings.divergenceFactor), { firstLoss: continuation.firstLoss });
    this.batched = graph.nodes
      .filter((n) => n.op === 'input' && n.value?.type === 'columns')
      .map((n) => {
        const slot = this.program.slot(n.id);
        return { id: n.id, all: slot.value.slice(), width: slot.value.length / (slot.shape[0] ?? 1) };
      });
    const counts = new Set(this.batched.map((b) => this.program.slot(b.id).shape[0]));
    if (counts.size > 1) throw EngineError.because('runtime', 'rows_differ', {});
    this.rows = [...counts][0] ?? 0;
    const bs = settings.batchSize ?? null;
    this.batchSize = bs === null || bs >= this.rows || this.batched.length === 0 ? this.rows : Math.max(1, Math.floor(bs));
    this.seed = settings.seed ?? 0;
    this.random = seededRandom(this.seed);
    // A loss without a class prediction cannot be measured: the trainer trains on without it,
    // and MeasuredTraining (the CLI) refuses the setting in words.
    this.meter = settings.metrics?.accuracy && accuracyProblem(this.program) === null ? new AccuracyMeter(this.program) : null;
  }

  /**
   * The seed whose shuffle continues this run's: a file saved with it as `training.seed` trains
   * on through the same mini-batches as one longer run would (the seed itself when nothing was shuffled).
   */
  get nextSeed(): number {
    return seedAfter(this.seed, this.draws);
  }

  /** The optimizer (a new one after a divergence put its state back). */
  get optimizer(): Optimizer {
    return this.optim;
  }

  /**
   * One full-batch training step; returns the loss before the update. Forward and backward run
   * as the program's generated functions (exec/compiled.ts), or interpreted when the trainer was
   * made with `interpreted` or the page forbids generating them: the same numbers either way.
   */
  step(program: Program = this.program): number {
    this.lastProgram = program;
    this.optimizer.zeroGrad();
    const compiled = this.options.interpreted ? null : program.compiled();
    if (compiled) {
      compiled.forwardBackward();
    } else {
      program.forward();
      program.backward();
    }
    // Backward leaves every value as forward wrote it, so the loss and the metric read the same numbers.
    const loss = program.lossValue();
    this.meter?.add(program);
    this.optimizer.step();
    return loss;
  }

  /**
   * One epoch (one step when full batch); returns its loss and appends it to the history.
   * `afterUpdate` runs once the epoch's updates are done, before the divergence rule may put
   * the parameters back (where a validation pass reads the parameters the epoch produced).
   * When the epoch breaks the divergence rule, the state goes back and `divergence` is set.
   */
  epoch(afterUpdate?: () => void): number {
    if (this.divergence) throw EngineError.because('runtime', 'diverged', { epoch: this.divergence.epoch });
    [this.previous, this.current] = [this.current, this.previous];
    this.current.capture(this.program.params, this.optim.state());
    let loss: number;
    if (this.batchSize >= this.rows) {
      loss = this.step();
    } else {
      const order = permutation(this.rows, this.random);
      this.draws += Math.max(0, this.rows - 1);
      let total = 0;
      for (let start = 0; start < this.rows; start += this.batchSize) {
        const size = Math.min(this.batchSize, this.rows - start);
        const program = this.batchProgram(size);
        for (const b of this.batched) {
          const dst = program.slot(b.id).value;
          for (let r = 0; r < size; r++) {
            const src = order[start + r] * b.width;
            for (let c = 0; c < b.width; c++) dst[r * b.width + c] = b.all[src + c];
          }
        }
        total += this.step(program) * size;
      }
      loss = total / this.rows;
    }
    this.history.push(loss);
    if (this.meter) this.accuracy.push(this.meter.take());
    afterUpdate?.();
    const d = this.watch.check(loss, this.program.params, () => lossNodesOf(this.lastProgram, loss));
    if (d) {
      this.divergence = d;
      const back = d.lastGoodEpoch === null || this.previous.empty ? this.current : this.previous;
      const state = back.restore(this.program.params, this.optim.state());
      this.optim = createOptimizer(this.settings.optimizer, this.program.params, state, this.program.dtype);
    }
    return loss;
  }

  /** A program whose dataset inputs hold `size` rows, sharing this trainer's parameters. */
  private batchProgram(size: number): Program {
    let p = this.batchPrograms.get(size);
    if (!p) {
      const result = compile(this.graph, { batchRows: size, shareParamsWith: this.program });
      if (!result.program) throw new EngineError('runtime', result.problems.map((q) => q.message).join('; '));
      p = result.program;
      this.batchPrograms.set(size, p);
    }
    return p;
  }
}
