import { create } from 'zustand';
import type { Divergence } from '../../engine';

/** A parameter's values keyed `node.name` (`linear.weight`, `W.value`), flattened row-major. */
export type ParamValues = Readonly<Record<string, readonly number[]>>;

/** Optimizer state of one parameter at one moment, for the optimizer-state plot. */
export interface OptimizerStateSample {
  readonly momentumBuffer?: readonly number[];
  readonly expAvg?: readonly number[];
  readonly expAvgSq?: readonly number[];
}

/** The state of a training run, as the page shows it; written by the training controller, read by panels and plots. */
export interface TrainingState {
  readonly status: 'idle' | 'running' | 'paused' | 'done' | 'diverged';
  /** Epochs finished in this run, and how many were asked for. */
  readonly epoch: number;
  readonly epochs: number;
  /** The training loss of every finished epoch (the whole history is kept). */
  readonly lossHistory: readonly number[];
  /** The test loss of every finished epoch, when the dataset has a test split. */
  readonly testLossHistory: readonly number[];
  /** Parameter values over the run (the descent trail), sampled at most a few thousand times. */
  readonly trail: readonly { readonly epoch: number; readonly params: ParamValues }[];
  /** Optimizer state over the run, sampled like the trail, keyed `node.name`. */
  readonly optimizerTrail: readonly { readonly epoch: number; readonly state: Readonly<Record<string, OptimizerStateSample>> }[];
  readonly stepsPerSecond: number;
  /**
   * Why the run stopped when the divergence rule fired: the epoch, the nodes, the message in
   * the interface language, and the rule's findings with epochs counted over the whole run.
   */
  readonly divergence: {
    readonly epoch: number;
    readonly nodes: readonly string[];
    readonly message: string;
    readonly rule: Divergence['rule'];
    readonly detail: Divergence;
    /** The learning rate the message suggests lowering. */
    readonly lr: number;
  } | null;
  /** The parameters before the run, which Reset restores. */
  readonly startParams: ParamValues | null;
  /** Why the last run could not start or stopped with an error (not divergence), in the interface language. */
  readonly error: string | null;
  /** Why the run paused when the user did not press Pause (the graph was edited). */
  readonly pausedByEdit: boolean;
}

/** The initial, idle state. */
export const IDLE_TRAINING: TrainingState = {
  status: 'idle',
  epoch: 0,
  epochs: 0,
  lossHistory: [],
  testLossHistory: [],
  trail: [],
  optimizerTrail: [],
  stepsPerSecond: 0,
  divergence: null,
  startParams: null,
  error: null,
  pausedByEdit: false,
};

/** The app's training state. Only the training controller writes it. */
export const useTraining = create<TrainingState>()(() => IDLE_TRAINING);
