import { compile } from '../exec/compile';
import { EngineError, type Program } from '../exec/program';
import type { Graph } from '../graph/types';
import { splitDatasets, validationGraph, validationName } from '../graph/validation';
import { AccuracyMeter } from './metrics';

/** What one validation pass measured: the loss and, when asked for, the accuracy. */
export interface ValidationResult {
  readonly loss: number;
  readonly accuracy?: number;
}

/**
 * The model evaluated on its validation split (`<dataset>_test`, see graph/validation.ts): a
 * program of the validation graph that shares the training program's parameters, so it always
 * sees the parameters as they are now, and runs forward only.
 */
export class ValidationRun {
  private readonly meter: AccuracyMeter | null;
  /** Whether each pass measures the accuracy too. */
  readonly measuresAccuracy: boolean;

  private constructor(
    /** The validation program; its parameters are the training program's own buffers. */
    readonly program: Program,
    /** The datasets whose split it reads, in node order. */
    readonly datasets: readonly string[],
    accuracy: boolean,
  ) {
    this.meter = accuracy ? new AccuracyMeter(program) : null;
    this.measuresAccuracy = accuracy;
  }

  /**
   * The validation run of a graph, or null when no dataset it binds has a split. Throws an
   * EngineError saying what is wrong with the split when its graph does not compile (a column
   * missing from `iris_test`, say).
   */
  static of(graph: Graph, trained: Program, options: { readonly accuracy?: boolean } = {}): ValidationRun | null {
    const vg = validationGraph(graph);
    if (!vg) return null;
    const datasets = splitDatasets(graph);
    const r = compile(vg, { shareParamsWith: trained });
    if (!r.program) {
      const problems = r.problems.filter((p) => p.severity === 'error').map((p) => p.message);
      throw EngineError.because('runtime', 'validation_unfit', { datasets: datasets.map(validationName).join(', '), problems: problems.join('; ') });
    }
    if (r.program.loss === undefined) throw EngineError.because('no_loss', 'no_loss_validate', {});
    return new ValidationRun(r.program, datasets, options.accuracy === true);
  }

  /** Runs the model forward on the validation data with the current parameters. */
  evaluate(): ValidationResult {
    this.program.forward();
    const loss = this.program.lossValue();
    if (!this.meter) return { loss };
    this.meter.add(this.program);
    return { loss, accuracy: this.meter.take() };
  }
}
