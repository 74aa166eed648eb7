import type { Graph } from '../graph/types';
import { accuracyError } from './metrics';
import type { ParamState } from '../optim/types';
import { type TrainContinuation, Trainer, type TrainSettings } from './trainer';
import { type ValidationResult, ValidationRun } from './validation';

/** A column of the training log, in the order the course prints them. */
export type LogColumn = 'epoch' | 'loss' | 'acc' | 'val_loss' | 'val_acc';

/** One epoch of the log: its number (0-based) and what was measured. */
export interface EpochLog {
  readonly epoch: number;
  /** The training loss from the epoch's forward passes, before their updates. */
  readonly loss: number;
  /** The training accuracy from the same forward passes. */
  readonly acc?: number;
  /** The validation loss and accuracy with the parameters the epoch's updates produced. */
  readonly val_loss?: number;
  readonly val_acc?: number;
}

/** The log's columns: `epoch,loss`, then `acc` with accuracy, then `val_loss` (and `val_acc`) with validation data. */
export function logColumns(accuracy: boolean, validation: boolean): LogColumn[] {
  const columns: LogColumn[] = ['epoch', 'loss'];
  if (accuracy) columns.push('acc');
  if (validation) columns.push('val_loss');
  if (validation && accuracy) columns.push('val_acc');
  return columns;
}

/** A logged number as Python's repr writes it (the course's logs and the exported script): shortest round-trip form, `inf`, `-inf`, `nan`. */
function pyNumber(v: number | undefined): string {
  if (v === undefined || Number.isFinite(v)) return String(v);
  return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
}

/** One log line: the record's values in column order, numbers in their shortest round-trip form (`inf`, `nan` as Python prints them). */
export function logLine(columns: readonly LogColumn[], record: EpochLog): string {
  return columns.map((c) => pyNumber(record[c])).join(',');
}

/** Whether a log prints this epoch: every `every`-th from 0, and the last one. */
export function logsEpoch(epoch: number, every: number, lastEpoch: number): boolean {
  return epoch % every === 0 || epoch === lastEpoch;
}

/**
 * A training run measured as the course measures it, one epoch at a time: the training loss
 * and accuracy come from each epoch's forward passes (before their updates), the validation
 * loss and accuracy from the parameters after the epoch, on the dataset's validation split.
 */
export class MeasuredTraining {
  readonly trainer: Trainer;
  /** The validation pass, or null when no bound dataset has a split. */
  readonly validation: ValidationRun | null;
  readonly columns: readonly LogColumn[];
  private epochs = 0;

  /** Throws an EngineError when `metrics.accuracy` is asked of a loss that has no class prediction, or the split does not fit. */
  constructor(graph: Graph, settings: TrainSettings, savedState: readonly ParamState[] = [], continuation: TrainContinuation = {}) {
    this.trainer = new Trainer(graph, settings, savedState, continuation);
    const accuracy = settings.metrics?.accuracy === true;
    const problem = accuracy ? accuracyError(this.trainer.program) : null;
    if (problem) throw problem;
    this.validation = ValidationRun.of(graph, this.trainer.program, { accuracy });
    this.columns = logColumns(accuracy, this.validation !== null);
  }

  /**
   * Runs one epoch and returns what it measured. Parameters an update made inf or nan (the
   * divergence rule then stops the run at this epoch) are not validated: both columns are NaN.
   */
  epoch(): EpochLog {
    let val: ValidationResult | undefined;
    const loss = this.trainer.epoch(() => {
      if (!this.validation) return;
      const finite = this.trainer.program.params.every((p) => p.value.every(Number.isFinite));
      val = finite ? this.validation.evaluate() : { loss: NaN, accuracy: NaN };
    });
    const acc = this.trainer.accuracy.at(-1);
    return { epoch: this.epochs++, loss, ...(acc === undefined ? {} : { acc }), ...(val ? { val_loss: val.loss, ...(this.validation?.measuresAccuracy ? { val_acc: val.accuracy } : {}) } : {}) };
  }
}
