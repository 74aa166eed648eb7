import type { Graph } from '../graph/types';
import { compile } from '../exec/compile';
import { EngineError, type Program } from '../exec/program';
import { createOptimizer, type Optimizer, type OptimizerSettings, type ParamState } from '../optim/index';
import { permutation, seededRandom, type Random } from '../tensor/random';

/** How to train: the optimizer, epochs, batch size (null for full batch) and the shuffling seed. */
export interface TrainSettings {
  readonly optimizer: OptimizerSettings;
  readonly epochs: number;
  readonly batchSize?: number | null;
  readonly seed?: number;
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
 */
export class Trainer {
  /** The full-batch program: its parameters are the ones every batch trains. */
  readonly program: Program;
  readonly optimizer: Optimizer;
  /** Loss of each finished epoch (sample-weighted mean over its batches). */
  readonly history: number[] = [];
  private readonly batched: BatchedInput[];
  private readonly rows: number;
  private readonly batchSize: number;
  private readonly batchPrograms = new Map<number, Program>();
  private readonly random: Random;

  constructor(
    private readonly graph: Graph,
    readonly settings: TrainSettings,
    /** Optimizer state to continue from (momentum buffers, Adam moments), as a graph file saves it. */
    savedState: readonly ParamState[] = [],
  ) {
    const result = compile(graph);
    if (!result.program) throw new EngineError('runtime', result.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; '));
    this.program = result.program;
    if (this.program.loss === undefined) throw new EngineError('no_loss', 'the graph has no loss node to train');
    this.optimizer = createOptimizer(settings.optimizer, this.program.params, savedState);
    this.batched = graph.nodes
      .filter((n) => n.op === 'input' && n.value?.type === 'columns')
      .map((n) => {
        const slot = this.program.slot(n.id);
        return { id: n.id, all: slot.value.slice(), width: slot.value.length / (slot.shape[0] ?? 1) };
      });
    const counts = new Set(this.batched.map((b) => this.program.slot(b.id).shape[0]));
    if (counts.size > 1) throw new EngineError('runtime', 'inputs bound to datasets have different numbers of rows');
    this.rows = [...counts][0] ?? 0;
    const bs = settings.batchSize ?? null;
    this.batchSize = bs === null || bs >= this.rows || this.batched.length === 0 ? this.rows : Math.max(1, Math.floor(bs));
    this.random = seededRandom(settings.seed ?? 0);
  }

  /** One full-batch training step; returns the loss before the update. */
  step(program: Program = this.program): number {
    this.optimizer.zeroGrad();
    program.forward();
    const loss = program.lossValue();
    program.backward();
    this.optimizer.step();
    return loss;
  }

  /** One epoch (one step when full batch); returns its loss and appends it to the history. */
  epoch(): number {
    let loss: number;
    if (this.batchSize >= this.rows) {
      loss = this.step();
    } else {
      const order = permutation(this.rows, this.random);
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
