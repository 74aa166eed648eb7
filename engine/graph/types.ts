import type { ReasonParams } from '../tensor/reason';
import type { ProblemReason } from './problemReasons';
import type { Dtype } from '../tensor/float32';
import type { Tensor } from '../tensor/tensor';

/** Where an `input` or `constant` leaf gets its value. */
export type LeafValue =
  | { readonly type: 'tensor'; readonly shape: readonly number[]; readonly data: readonly number[] }
  | { readonly type: 'arange'; readonly start: number; readonly end: number; readonly step: number }
  /** Columns of a dataset: shape [rows, columns], or [rows] when `vector` and one column. */
  | { readonly type: 'columns'; readonly dataset: string; readonly columns: readonly string[]; readonly vector?: boolean };

/** How trainable tensors start. `default` is `nn.Linear`'s uniform in ±1/√inFeatures. */
export type InitSpec =
  | { readonly type: 'constant'; readonly value: number }
  | { readonly type: 'uniform'; readonly low: number; readonly high: number; readonly seed: number }
  | { readonly type: 'normal'; readonly mean: number; readonly std: number; readonly seed: number }
  | { readonly type: 'default'; readonly seed: number };

/** One attribute's value: a number, a switch, a choice, null (an axis left out), or a list of axis lengths (reshape's `shape`). */
export type AttrValue = number | boolean | string | null | number[];

/** One node of a graph: an op or a leaf (`input`, `parameter`, `constant`). */
export interface GraphNode {
  readonly id: string;
  readonly op: string;
  /** Attributes of the op (`k`, `axis`, `inFeatures`, reshape's `shape`, …). */
  readonly attrs?: Readonly<Record<string, AttrValue>>;
  /** The value of an `input` or `constant` leaf. */
  readonly value?: LeafValue;
  /** Whether an `input` leaf collects a gradient (PyTorch's `requires_grad`). */
  readonly requiresGrad?: boolean;
  /** Shape of a `parameter` leaf. */
  readonly shape?: readonly number[];
  /** How a `parameter` leaf or an op's own parameters are initialised when they have no values yet. */
  readonly init?: InitSpec;
  /** Current values of trainable tensors: `value` for a parameter, `weight`/`bias` for linear. */
  readonly params?: Readonly<Record<string, Tensor>>;
  readonly label?: string;
}

/** A wire from a node's output to another node's input port. */
export interface GraphEdge {
  readonly source: string;
  readonly target: string;
  readonly targetPort: string;
}

/** A table of numbers with named columns. */
export interface Dataset {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly number[])[];
}

/** A computation graph: nodes, edges, the loss node, the datasets its inputs read, and the number type it computes in. */
export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly loss?: string;
  readonly datasets?: Readonly<Record<string, Dataset>>;
  /** float64 (the default) or float32, PyTorch's default dtype: every value, gradient and update rounds to it. */
  readonly dtype?: Dtype;
}

/** Codes of graph problems; stable, for tests and translations. */
export type ProblemCode =
  | 'duplicate_id'
  | 'unknown_op'
  | 'dangling_edge'
  | 'unknown_port'
  | 'port_fed_twice'
  | 'missing_input'
  | 'cycle'
  | 'bad_attribute'
  | 'bad_value'
  | 'shape_mismatch'
  | 'no_loss'
  | 'unknown_loss'
  | 'loss_not_scalar'
  /** A node's own parameter values do not fit it (a linear weight of the wrong shape). */
  | 'bad_param'
  /** A tensor or the whole program would exceed a limit of engine/limits.ts. */
  | 'too_large'
  /** Something the checks did not foresee stopped a node from being prepared. */
  | 'unexpected';

/** One thing wrong with a graph, with the node and port it concerns. */
export interface Problem {
  readonly code: ProblemCode;
  /** The sentence form it is told in, and what fills it: the page words it in either language from these. */
  readonly reason: ProblemReason;
  readonly params: ReasonParams;
  /** The sentence in English (the CLI's words). */
  readonly message: string;
  readonly node?: string;
  readonly port?: string;
  /** The field of the node it concerns, as a path below the node (`value`, `shape`, `params.weight`). */
  readonly field?: string;
  /** Errors stop compilation; warnings (no loss yet) only stop backward and training. */
  readonly severity: 'error' | 'warning';
}
