import { EngineError, type Program, type Step } from '../exec/program';
import { PREDICTION_RULES, type PredictionRule } from '../ops/prediction';
import { OPS } from '../ops/registry';

/** What a training run measures besides the loss (the file's `training.metrics`). */
export interface MetricSettings {
  /** The fraction of predictions that equal their target, read off the classification loss's input. */
  readonly accuracy?: boolean;
}

/** The losses that carry a class prediction, for messages. */
const CLASSIFICATION_LOSSES = OPS.filter((d) => d.prediction !== undefined).map((d) => d.name);

/** The loss node's step in a program, when the loss is an op. */
function lossStep(program: Program): Step | undefined {
  return program.loss === undefined ? undefined : program.steps.find((s) => s.slot.id === program.loss);
}

/** Why accuracy cannot be measured on this program (its loss is not a classification loss), or null. */
export function accuracyProblem(program: Program): string | null {
  return accuracyError(program)?.message ?? null;
}

/** `accuracyProblem` as the EngineError a run stops with, told from its reason. */
export function accuracyError(program: Program): EngineError | null {
  const step = lossStep(program);
  if (step?.op.prediction !== undefined) return null;
  const losses = CLASSIFICATION_LOSSES.join(', ');
  if (program.loss === undefined) return EngineError.because('runtime', 'accuracy_no_loss', { losses });
  if (!step) return EngineError.because('runtime', 'accuracy_leaf_loss', { losses, node: program.loss }, program.loss);
  return EngineError.because('runtime', 'accuracy_wrong_loss', { losses, node: program.loss, op: step.op.name }, program.loss);
}

/**
 * Counts correct predictions over the forward passes of an epoch (each mini-batch's, before
 * its update), from the loss step's input and target, by the rule its op's `prediction` names.
 */
export class AccuracyMeter {
  private readonly rule: PredictionRule;
  private readonly steps = new Map<Program, Step>();
  private correct = 0;
  private total = 0;

  /** A meter for a program whose loss is a classification loss; throws an EngineError naming the loss otherwise. */
  constructor(program: Program) {
    const problem = accuracyError(program);
    const kind = lossStep(program)?.op.prediction;
    if (problem !== null) throw problem;
    if (kind === undefined) throw EngineError.because('runtime', 'accuracy_needs_classification', {}, program.loss);
    this.rule = PREDICTION_RULES[kind];
  }

  /** Adds the predictions of a program that has just run forward (this one, or a mini-batch's of the same graph). */
  add(program: Program): void {
    let step = this.steps.get(program);
    if (!step) {
      step = lossStep(program) as Step;
      this.steps.set(program, step);
    }
    const [input, target] = step.x;
    this.correct += this.rule.correct(input, target);
    this.total += target.length;
  }

  /** The accuracy since the last take (NaN when there were no predictions), and a fresh count. */
  take(): number {
    const acc = this.correct / this.total;
    this.correct = 0;
    this.total = 0;
    return acc;
  }
}
