import type { ProblemReason } from '../graph/problemReasons';
import { fillReason, type ReasonParams } from '../tensor/reason';

/** The sentences a file is refused with before its schema is read, in English, by reason; the page words each in its language. */
export const FILE_REASONS = {
  'file.not_text': 'a graph file must be text',
  'file.too_long': 'the file has {count} characters, which exceeds the limit of {limit} characters',
  'file.too_deep': 'the file nests lists and objects deeper than the limit of {limit} levels (line {line}); a graph file needs 6',
  'file.too_many_entries': "the file's lists and objects hold at least {count} entries in all, which exceeds the limit of {limit} elements",
  'file.not_json': 'not valid JSON: {detail}',
  'file.not_object': 'a graph file must be a JSON object',
  'file.not_gradcanvas': 'must be "{format}", got {got}: this is not a GradCanvas graph file',
  'file.bad_version': 'must be a whole number from 1, got {got}',
  'file.newer_version': 'version {version} is newer than this GradCanvas reads (up to {max}); update GradCanvas to open it',
  'file.no_migration': 'no migration from version {version}',
  'file.unknown_field': 'unknown field',
  'file.unknown_fields': 'unknown field, and {count} more beside it',
  'file.duplicate_id': "duplicate id '{id}' (also {first})",
  'file.no_such_node': "no node has the id '{id}'",
  'file.more_errors': 'and {count} more errors',
  'file.unhandled': 'the file could not be opened: GradCanvas met something in it that it does not handle; please report this file',
  'file.list_too_long': 'holds {count} entries, which exceeds the limit of {limit} elements',
  'file.object_too_big': 'holds {count} fields, which exceeds the limit of {limit} elements',
  'file.reserved_name': "'{name}' is a reserved name in GradCanvas files (JavaScript gives it a special meaning); choose another name",
  'file.name_too_long': 'a name may have up to {limit} characters, this one has {count}',
  'file.too_many_nodes': 'the graph has {count} nodes, which exceeds the limit of {limit} nodes',
  'file.too_many_nodes_page': 'the graph has {count} nodes, which exceeds the limit of {limit} nodes the page opens; the command line (npm run cli) opens up to {cliLimit}',
  'file.too_many_wires': 'the graph has {count} wires, which exceeds the limit of {limit} wires ({perNode} per node of the node limit)',
  'file.shape_values': 'shape [{shape}] needs {count} values, got {got}',
  'file.row_width': 'has {count} values but there are {width} columns',
  'file.rows_too_many': '{rows} rows of {width} columns are {count} elements, which exceeds the limit of {limit} elements',
  'file.nesterov': 'Nesterov momentum needs a momentum above 0 and a dampening of 0 (as torch.optim.SGD)',
  'file.state_only_value': "a parameter node's only parameter is 'value', not {name}",
  'file.state_no_params': "'{node}' is a {op} node, which has no parameters",
  'file.state_no_param': '{op} has no parameter {name}',
  'file.state_twice': 'the state of {node}.{name} is saved twice',
  'file.state_length': 'has {count} values but {node}.{name} has {elements} elements',
  'file.state_length_one': 'has {count} values but {node}.{name} has 1 element',
} as const;

/** Why a file is refused (before its schema, whose findings are told in English only). */
export type FileReason = keyof typeof FILE_REASONS;

/** One thing wrong with a file: where (a JSON path like `nodes[3].op`, empty for the whole file) and why; with its reason and parameters when the page can word it. */
export interface FileError {
  readonly path: string;
  readonly message: string;
  readonly reason?: FileReason | ProblemReason;
  readonly params?: ReasonParams;
}

/** A file error told from its reason. */
export function fileError(path: string, reason: FileReason, params: ReasonParams = {}): FileError {
  return { path, reason, params, message: fillReason(FILE_REASONS[reason], params) };
}

/** The longest a key is written in a path; a file's own names must never flood a message. */
const PATH_KEY_CHARS = 40;

/** Keys written after a dot; any other key (empty, with dots, brackets, quotes or spaces) is written in brackets. */
const PLAIN_KEY = /^[^.[\]"\s]+$/;

/** `nodes[3].op` from ['nodes', 3, 'op']; `datasets["my data"]` for a key that is not plain; long keys cut short. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const name = String(key);
    const short = name.length > PATH_KEY_CHARS ? `${name.slice(0, PATH_KEY_CHARS)}…` : name;
    if (!PLAIN_KEY.test(name)) return `${acc}[${JSON.stringify(short)}]`;
    return acc ? `${acc}.${short}` : short;
  }, '');
}

/** `nodes[3].op: unknown op 'sqaure'`. */
export function formatFileError(e: FileError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

/** The most errors one load reports: past that, a count says how many more there were. */
export const MAX_FILE_ERRORS = 100;

/** The first MAX_FILE_ERRORS errors, then one line counting the rest. */
export function capErrors(errors: readonly FileError[]): FileError[] {
  if (errors.length <= MAX_FILE_ERRORS) return [...errors];
  return [...errors.slice(0, MAX_FILE_ERRORS), fileError('', 'file.more_errors', { count: errors.length - MAX_FILE_ERRORS })];
}
