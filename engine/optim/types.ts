import type { ParamSlot } from '../exec/program';

/** SGD hyper-parameters, as torch.optim.SGD. */
export interface SgdSettings {
  readonly type: 'sgd';
  readonly lr: number;
  readonly momentum?: number;
  readonly dampening?: number;
  readonly nesterov?: boolean;
  readonly weightDecay?: number;
}

/** Adam hyper-parameters, as torch.optim.Adam. */
export interface AdamSettings {
  readonly type: 'adam';
  readonly lr: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly eps?: number;
  readonly weightDecay?: number;
  readonly amsgrad?: boolean;
}

/** Settings of any optimizer. */
export type OptimizerSettings = SgdSettings | AdamSettings;

/** One parameter's optimizer state, visible to the UI and saved in graph files. */
export interface ParamState {
  readonly node: string;
  readonly name: string;
  /** SGD: the momentum buffer, once created. */
  readonly momentumBuffer?: ArrayLike<number> | null;
  /** Adam: first and second moment estimates and the step count. */
  readonly expAvg?: ArrayLike<number>;
  readonly expAvgSq?: ArrayLike<number>;
  readonly maxExpAvgSq?: ArrayLike<number>;
  readonly step?: number;
}

/** An optimizer bound to a program's parameters. */
export interface Optimizer {
  readonly settings: OptimizerSettings;
  readonly params: readonly ParamSlot[];
  /** Updates every parameter in place from its gradient (`optimizer.step()`). */
  step(): void;
  /** Zeroes every parameter's gradient (`optimizer.zero_grad()`). */
  zeroGrad(): void;
  /** The per-parameter state, for display and saving. */
  state(): ParamState[];
}
