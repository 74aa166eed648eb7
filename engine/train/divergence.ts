/**
 * The one divergence rule every way of training uses (the CLI, the training worker, the
 * stepper): a run stops as soon as the loss, a gradient or a parameter is inf or nan, or the
 * loss grows past its first value times a factor. Waiting for inf alone lets a run that has
 * plainly blown up go on for hundreds of epochs and leave parameters near 1e150 behind.
 * The first loss is the current run's: a Train press (a resume after an edit continues the
 * same run), a CLI `train`, an exported script's run, or a stepping run — the steps played
 * one after another since the stepper was reset, a document was opened, a training run took
 * the model, or what a step computes from changed other than by the stepper's own update.
 */

import type { Program } from '../exec/program';

/** The factor used when a document does not set `divergenceFactor`. */
export const DEFAULT_DIVERGENCE_FACTOR = 1e6;

/** Which part of the rule fired, in the order a training step computes them: loss, gradients, update. */
export type DivergenceRule = 'nonfinite-loss' | 'loss-growth' | 'nonfinite-grad' | 'nonfinite-param';

/** What the rule found: when, which part, where, and the numbers a message needs. */
export interface Divergence {
  /** The epoch (0-based, as the CLI's loss log counts) that broke the rule. */
  readonly epoch: number;
  readonly rule: DivergenceRule;
  /** Nodes where it showed: the loss node, or the nodes owning the non-finite gradients or parameters. */
  readonly nodes: readonly string[];
  /** The loss for the loss rules; the first non-finite gradient or parameter element otherwise. */
  readonly value: number;
  /** The loss the growth rule compares with (|first loss| × factor); null when it is off or not yet armed. */
  readonly threshold: number | null;
  /** The run's first loss and the factor, for the message. */
  readonly firstLoss: number | null;
  readonly factor: number | null;
  /**
   * The last epoch that passed every check, whose starting parameters a trainer goes back to;
   * null when the very first epoch failed (the parameters go back to where the run started).
   */
  readonly lastGoodEpoch: number | null;
}

/** The `divergenceFactor` that turns divergence stopping off entirely: the run goes on through inf and nan, as PyTorch's does. */
export const NEVER_STOP = 'never';

/** A `divergenceFactor` setting: a factor above 1, null (only inf and nan stop a run), or `"never"` (nothing does). */
export type DivergenceSetting = number | null | typeof NEVER_STOP;

/** The factor a training setting means: absent is the default, null turns the growth rule off, `"never"` the whole rule. */
export function divergenceFactorOf(setting: DivergenceSetting | undefined): DivergenceSetting {
  return setting === undefined ? DEFAULT_DIVERGENCE_FACTOR : setting;
}

/** What the rule reads of a parameter: its owner, values and gradient. */
export interface WatchedParam {
  readonly node: string;
  readonly value: ArrayLike<number>;
  readonly grad: ArrayLike<number>;
}

/** Where the watch starts counting, and the first loss of the run when it continues an earlier one. */
export interface WatchOptions {
  readonly firstEpoch?: number;
  readonly firstLoss?: number;
}

/**
 * Applies the rule epoch by epoch. Feed it each epoch's loss with the parameters after that
 * epoch's update (their gradients still in place); it answers null or the first divergence.
 * The growth rule compares with the first loss it was fed (or `firstLoss`); when that is 0
 * there is nothing to scale, so only the non-finite checks apply.
 */
export class DivergenceWatch {
  private readonly start: number;
  private epoch: number;
  private first: number | null;
  /** The growth factor (null: the growth rule is off). */
  readonly factor: number | null;
  /** Whether the rule stops a run at all (false with `"never"`: every epoch runs, through inf and nan). */
  readonly stops: boolean;

  constructor(setting: DivergenceSetting = DEFAULT_DIVERGENCE_FACTOR, options: WatchOptions = {}) {
    this.stops = setting !== NEVER_STOP;
    this.factor = setting === NEVER_STOP ? null : setting;
    this.start = this.epoch = options.firstEpoch ?? 0;
    this.first = options.firstLoss !== undefined && Number.isFinite(options.firstLoss) ? options.firstLoss : null;
  }

  /** The loss the growth rule compares with, once there is a first loss and a factor. */
  get threshold(): number | null {
    return this.factor === null || this.first === null || this.first === 0 ? null : Math.abs(this.first) * this.factor;
  }

  /** Checks one epoch; `lossNodes` names where a non-finite loss appeared (asked only then). */
  check(loss: number, params: readonly WatchedParam[], lossNodes: () => readonly string[] = () => []): Divergence | null {
    const epoch = this.epoch++;
    if (!this.stops) return null;
    if (this.first === null && Number.isFinite(loss)) this.first = loss;
    const threshold = this.threshold;
    const found = (rule: DivergenceRule, nodes: readonly string[], value: number): Divergence => ({
      epoch,
      rule,
      nodes,
      value,
      threshold: rule === 'loss-growth' ? threshold : null,
      firstLoss: this.first,
      factor: this.factor,
      lastGoodEpoch: epoch > this.start ? epoch - 1 : null,
    });
    if (!Number.isFinite(loss)) return found('nonfinite-loss', lossNodes(), loss);
    if (threshold !== null && loss > threshold) return found('loss-growth', lossNodes(), loss);
    const grad = firstNonFinite(params, 'grad');
    if (grad) return found('nonfinite-grad', grad.nodes, grad.value);
    const value = firstNonFinite(params, 'value');
    if (value) return found('nonfinite-param', value.nodes, value.value);
    return null;
  }
}

// Every node with a non-finite element in `field`, and the first such element.
function firstNonFinite(params: readonly WatchedParam[], field: 'value' | 'grad'): { nodes: string[]; value: number } | null {
  let value: number | null = null;
  const nodes: string[] = [];
  for (const p of params) {
    const data = p[field];
    for (let i = 0; i < data.length; i++) {
      if (Number.isFinite(data[i])) continue;
      if (value === null) value = data[i];
      if (!nodes.includes(p.node)) nodes.push(p.node);
      break;
    }
  }
  return value === null ? null : { nodes, value };
}

/**
 * Where a bad loss showed in a program that has just run forward: for a non-finite loss, the
 * first slot in topological order holding inf or nan (where it appeared); otherwise the loss.
 */
export function lossNodesOf(program: Program, loss: number): string[] {
  const slot = Number.isFinite(loss) ? undefined : program.slots.find((s) => !s.value.every(Number.isFinite));
  return slot ? [slot.id] : program.loss !== undefined ? [program.loss] : [];
}
