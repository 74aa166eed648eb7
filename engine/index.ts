/** The GradCanvas engine: tensors, ops, graphs, execution, optimizers and training. */
export type { Shape } from './tensor/shape';
export { formatShape } from './tensor/shape';
export type { Tensor } from './tensor/tensor';
export type { Dtype } from './tensor/float32';
export type { AttrValue, Graph, GraphNode, GraphEdge, Dataset, LeafValue, InitSpec, Problem, ProblemCode } from './graph/types';
// Every sentence a problem is told in, by reason, for the page to word each one in both languages.
export { LEAF_WHATS, PROBLEM_REASONS, RUN_REASONS } from './graph/problemReasons';
export { VALUE_WORDS } from './graph/describe';
export type { LeafWhat, ProblemReason, RunReason } from './graph/problemReasons';
export type { ReasonParams } from './tensor/reason';
export { wouldCreateCycle } from './graph/topo';
export { OPS, LEAVES, lookupOp } from './ops/registry';
export type { OpName } from './ops/registry';
export type { OpDef, AnyOpDef, AttrSpec, PortSpec, PredictionKind } from './ops/types';
export type { LeafDef } from './ops/leafTypes';
export { compile } from './exec/compile';
export type { CompileOptions, CompileResult } from './exec/compile';
export { autoLoss } from './exec/lossRule';
export { Program, EngineError } from './exec/program';
export type { NodeSlot, ParamSlot, Step } from './exec/program';
export { traceTrainingStep } from './train/trace';
export type { TraceEvent, TracePhase, EdgeContribution } from './train/trace';
export { createOptimizer } from './optim/index';
export type { Optimizer, OptimizerSettings, ParamState, SgdSettings, AdamSettings } from './optim/index';
export { Trainer } from './train/trainer';
export type { TrainSettings, TrainContinuation } from './train/trainer';
// The course's measured run (loss, accuracy, validation), which the CLI logs and the page's worker reports.
export { MeasuredTraining } from './train/log';
export { AccuracyMeter, accuracyProblem } from './train/metrics';
export type { EpochLog, LogColumn } from './train/log';
// The validation split's one naming rule, for the page's `_test` datasets to share with the CLI and the export.
export { VALIDATION_SUFFIX, validationGraph } from './graph/validation';
export { DEFAULT_DIVERGENCE_FACTOR, DivergenceWatch, divergenceFactorOf, lossNodesOf, NEVER_STOP } from './train/divergence';
export type { Divergence, DivergenceRule, DivergenceSetting, WatchedParam, WatchOptions } from './train/divergence';
export { formatLoss, formatFactor } from './train/divergenceText';
export { gradientCheck } from './gradcheck/gradcheck';
export type { GradCheckResult, GradCheckTarget } from './gradcheck/gradcheck';
export { attrDefault, resolveAttrs } from './ops/attrs';
export { gradFnName } from './ops/gradFn';
export type { Attrs, OpGroup } from './ops/types';
export type { ExplainNumbers } from './ops/explanation';
export { frac, oneTerm, parseMath, plainMath, tidyMath, touches } from './ops/mathText';
export type { MathPart } from './ops/mathText';
export { leafTensor } from './ops/input';
export { initOf, initTensor } from './graph/init';
export { parameterFanIn } from './ops/parameter';
export { MAX_RANK, sameShape } from './tensor/shape';
export { arangeLength } from './tensor/tensor';
export { fillNormal, permutation, seededRandom } from './tensor/random';
export { MAX_FILE_CHARS, MAX_NAME_CHARS, MAX_TENSOR_ELEMENTS, PAGE_MAX_NODES, formatCount, overLimit } from './limits';

// The graph file: schema, opening all-or-nothing, saving, conversion, CSV.
export { CURRENT_VERSION, FORMAT_NAME, MAX_HISTORY_LOSSES, MAX_HISTORY_TRAIL, MAX_TRAIL_ELEMENTS, historyLossCount, historySchema, SCHEMA_WORDING } from './format/schema';
export type { FileEdge, FileHistory, FileNode, GraphFile, TrainingSettings } from './format/schema';
export { openGraphText } from './format/open';
export type { GraphProblem, OpenResult } from './format/open';
export { FILE_REASONS, formatFileError, loadGraphFile } from './format/load';
export type { FileError, FileReason } from './format/load';
export { serializeGraphFile } from './format/save';
export { fileOptimizerState, fileToGraph, fromFileNumber, toFileNumber, toFileOptimizerState } from './format/convert';
export type { FileNumber } from './format/convert';
export { CSV_REASONS, MAX_CSV_ROWS, formatCsvError, parseCsv } from './format/csv';
export type { CsvError, CsvReason } from './format/csv';
export { parseDecimal } from './format/decimal';
export { RESERVED_NAMES } from './format/rawLimits';

// Code generation.
export { exportPytorch, prepareExport } from './codegen/pytorch';
export type { PytorchExport, ScriptWriter } from './codegen/pytorch';
export { exportCourseScript } from './codegen/courseScript';
export { type CourseTrainingExport, datasetCsv, datasetFileName, exportCourseTrainingScript } from './codegen/courseTraining';
export { exportNotebook } from './codegen/notebook';
export type { NotebookOptions } from './codegen/notebook';
export type { NotebookLang } from './codegen/notebookText';
export { EXPECTED, type Expected, IMPORT_REASONS, type ImportError, type ImportReason, importPython, type ImportedStatement, type ImportOptions, type ImportResult } from './pyimport';
