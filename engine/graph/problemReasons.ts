import { SHAPE_REASONS } from '../tensor/shape';
import { fillReason, type ReasonParams, withLead } from '../tensor/reason';

// Every sentence a graph problem is told in, in English (for the CLI and the file's own
// messages), keyed by reason. The page words each reason in both languages from the same
// parameters (src/i18n/messages/problems.ts), so no English sentence reaches a Japanese page.

/** Said of a node when something no check foresaw went wrong: plain words, never a JavaScript error's text. */
const UNEXPECTED = 'GradCanvas could not work out how to set it up. Check its settings and what feeds it; if they look right, please report this graph';

/** Every sentence a leaf (input, constant, parameter) can refuse its value with, in English, by reason; `{what}` is one of LEAF_WHATS. */
export const LEAF_REASONS = {
  no_shape: 'the {what} has no shape',
  rank_too_high: 'the {what} has rank {rank}, above the maximum of {max}',
  bad_axis_length: 'the {what} has an axis length of {length}; lengths are whole numbers from 0',
  too_many_elements: 'the {what} {shape} would have {count} elements, which exceeds the limit of {limit} elements',
  dataset_not_loaded: "dataset '{dataset}' is not loaded",
  no_columns: 'is bound to no columns',
  no_such_column: "dataset '{dataset}' has no column '{column}'",
  vector_one_column: 'a vector input must be bound to exactly one column',
  columns_too_large: '{rows} rows of {columns} columns would be {count} elements, which exceeds the limit of {limit} elements',
  no_value: 'has no value',
  value_count: 'a tensor of shape {shape} needs {count} values, got {got}',
  arange_empty: 'arange({start}, {end}, {step}) is empty or infinite: the step must point from start towards end',
  arange_too_large: 'arange({start}, {end}, {step}) would have {count} elements, which exceeds the limit of {limit} elements',
  unknown_value_type: 'has a value of an unknown type (expected tensor, arange or columns)',
  param_shape: 'values have shape {got} but the parameter is {shape}',
  param_count: 'the parameter {shape} needs {count} values, got {got}',
} as const;

/** What a leaf's shape check speaks of, the `{what}` of its sentences. */
export const LEAF_WHATS = ['tensor', 'parameter'] as const;

/** What a leaf's shape check speaks of. */
export type LeafWhat = (typeof LEAF_WHATS)[number];

/** Why a leaf cannot be built. */
export type LeafReason = keyof typeof LEAF_REASONS;

/** Every sentence an attribute can be refused with, in English, by reason (it follows the attribute's name). */
export const ATTR_REASONS = {
  not_finite: 'must be a finite number, got {got}',
  not_integer: 'must be an integer, got {got}',
  below_min: 'must be at least {min}, got {got}',
  not_boolean: 'must be true or false, got {got}',
  not_in_enum: 'must be one of {values}, got {got}',
  not_shape: 'must be a list of up to {max} axis lengths (whole numbers from 0, or -1 for what the others leave), got {got}',
  two_free_axes: 'can have only one -1 (the length worked out from the others), got {got}',
  unknown_attr: 'is not an attribute of this op',
} as const;

/** Why an attribute is refused. */
export type AttrReason = keyof typeof ATTR_REASONS;

/** Every sentence an op's own parameter can be refused with, in English, by reason. */
export const PARAM_REASONS = {
  too_large: 'its {param} {shape} would have {count} elements, which exceeds the limit of {limit} elements',
  shape: '{param} has shape {got} but its attributes need {shape}: reset the parameters or change the attributes',
  count: '{param} {shape} needs {count} values, got {got}',
} as const;

/** Why an op's own parameter is refused. */
export type ParamReason = keyof typeof PARAM_REASONS;

/** The sentences compiling a graph tells its own findings in. */
const COMPILE_REASONS = {
  too_many_nodes: 'the graph has {count} nodes, which exceeds the limit of {limit} nodes',
  duplicate_id: "two nodes have the id '{node}'",
  unknown_op: "{node}: unknown op '{op}'",
  dangling_from: "an edge comes from '{source}', which does not exist",
  dangling_to: "an edge goes to '{target}', which does not exist",
  unknown_port: "{node} ({op}) has no input port '{port}'",
  port_fed_twice: "{node}.{port} is fed by both '{first}' and '{second}'",
  missing_input: '{node}.{port} is not connected',
  cycle: 'the graph has a cycle: {cycle}',
  no_loss: 'no node is marked as the loss',
  unknown_loss: "the loss is '{node}', which does not exist",
  loss_not_scalar: 'the loss {node} must be a scalar, but its shape is {shape}',
  too_many_total: 'the graph would hold {count} numbers in all (values, gradients, working buffers and data), which exceeds the limit of {limit} elements',
  result_rank: '{node} ({op}): the result would have rank {rank}, above {max}',
  result_too_large: '{node} ({op}): the result {shape} would have {count} elements, which exceeds the limit of {limit} elements',
  unexpected_graph: `the graph could not be prepared: ${UNEXPECTED}`,
  unexpected_node: `{node} could not be prepared: ${UNEXPECTED}`,
  unexpected_op: `{node} ({op}) could not be prepared: ${UNEXPECTED}`,
} as const;

/** Every sentence a graph problem can be told in, by reason: the compile's own, and those of shape rules, leaves, attributes and parameters after the node they concern. */
export const PROBLEM_REASONS = {
  ...COMPILE_REASONS,
  ...withLead('shape.', '{node} ({op}): ', SHAPE_REASONS),
  ...withLead('leaf.', '{node}: ', LEAF_REASONS),
  ...withLead('attr.', '{node}.{attr} ', ATTR_REASONS),
  ...withLead('param.', '{node} ({op}): ', PARAM_REASONS),
};

/** Why a graph has a problem: one sentence form, filled with the problem's parameters. */
export type ProblemReason = keyof typeof PROBLEM_REASONS;

/** The sentences an op's forward can stop with on the values it meets (after the node it concerns). */
export const OP_RUN_REASONS = {
  bce_not_probability: 'bce input must be a probability in [0, 1], got {got} at element {index}',
  label_out_of_range: 'cross_entropy label {label} in row {row} is not a class index in 0..{last}',
} as const;

/** Every sentence a run (forward, backward, a traced or trained step) can stop with, in English, by reason. */
export const RUN_REASONS = {
  ...withLead('op.', '{node}: ', OP_RUN_REASONS),
  no_loss_backward: 'the graph has no loss node to run backward from',
  not_scalar: "backward needs a scalar, but '{node}' has shape {shape}",
  no_grad: "'{node}' does not depend on anything that requires grad",
  no_loss: 'the graph has no loss node',
  no_loss_train: 'the graph has no loss node to train',
  rows_differ: 'inputs bound to datasets have different numbers of rows',
  diverged: 'training stopped at epoch {epoch}: the run diverged',
  trace_not_scalar: "backward needs a scalar that depends on something requiring grad: '{node}'",
  accuracy_needs_classification: 'accuracy needs a classification loss',
  accuracy_no_loss: 'accuracy needs the loss to be a classification loss ({losses}), but the graph has no loss',
  accuracy_wrong_loss: "accuracy needs the loss to be a classification loss ({losses}), but the loss '{node}' is {op}",
  accuracy_leaf_loss: "accuracy needs the loss to be a classification loss ({losses}), but the loss '{node}' is a leaf",
  validation_unfit: 'the validation data ({datasets}) does not fit the graph: {problems}',
  no_loss_validate: 'the graph has no loss to validate',
  export_problems: '{problems}',
  no_loss_export: 'export needs a loss node',
  export_accuracy_target: "the export measures accuracy on the criterion's outputs, so the loss {node}'s target must be data (an input, or computed from inputs alone)",
  no_loss_gradcheck: 'gradient check needs a loss node',
  gradcheck_not_leaf: "'{node}' is not a leaf that requires grad",
} as const;

/** Why a run stopped: one sentence form, filled with its parameters. */
export type RunReason = keyof typeof RUN_REASONS;

/** Thrown by an op's forward when its values cannot be computed (a label out of range); the program names the node. */
export class OpRunError extends Error {
  constructor(
    readonly reason: keyof typeof OP_RUN_REASONS,
    readonly params: ReasonParams,
  ) {
    super(fillReason(OP_RUN_REASONS[reason], params));
    this.name = 'OpRunError';
  }
}
