import type { z } from 'zod';
import { compile } from '../exec/compile';
import type { Problem } from '../graph/types';
import { fileToGraph } from './convert';
import { type Migration, MIGRATIONS, migrateForward } from './migrate';
import { type GraphFile, graphFileSchema } from './schema';

/** One thing wrong with a file: where (a JSON path like `nodes[3].op`, empty for the whole file) and why. */
export interface FileError {
  readonly path: string;
  readonly message: string;
}

/** Either the whole file, valid, or every error found; never half a graph. */
export type LoadResult = { readonly ok: true; readonly file: GraphFile } | { readonly ok: false; readonly errors: FileError[] };

/** How strictly to load. */
export interface LoadOptions {
  /**
   * Also compile the graph and reject cycles, missing inputs and shape mismatches
   * (true by default). Restoring an autosaved work in progress turns this off: the editor
   * shows those problems on the nodes instead.
   */
  readonly checkGraph?: boolean;
  readonly migrations?: readonly Migration[];
}

/** `nodes[3].op` from ['nodes', 3, 'op']. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

/** `nodes[3].op: unknown op 'sqaure'`. */
export function formatFileError(e: FileError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

/** Parses, migrates and validates a graph file's text. */
export function loadGraphFile(text: string, options: LoadOptions = {}): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return fail([{ path: '', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail([{ path: '', message: 'a graph file must be a JSON object' }]);
  }
  const migrated = migrateForward(raw as Record<string, unknown>, options.migrations ?? MIGRATIONS);
  if ('error' in migrated) return fail([migrated.error]);
  const parsed = graphFileSchema.safeParse(migrated.doc);
  if (!parsed.success) return fail(parsed.error.issues.map(issueToError));
  const file = parsed.data;
  const errors = referenceErrors(file);
  if (errors.length === 0 && options.checkGraph !== false) errors.push(...graphErrors(file));
  return errors.length > 0 ? fail(errors) : { ok: true, file };
}

function fail(errors: FileError[]): LoadResult {
  return { ok: false, errors };
}

function issueToError(issue: z.core.$ZodIssue): FileError {
  const message = issue.message.replace(/^Invalid input: /, '');
  if (issue.code === 'unrecognized_keys') {
    return { path: formatPath(issue.path), message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}` };
  }
  return { path: formatPath(issue.path), message };
}

/** Ids that repeat, edges and the loss pointing at nodes that do not exist. */
function referenceErrors(file: GraphFile): FileError[] {
  const errors: FileError[] = [];
  const seen = new Map<string, number>();
  file.nodes.forEach((n, i) => {
    const first = seen.get(n.id);
    if (first !== undefined) errors.push({ path: `nodes[${i}].id`, message: `duplicate id '${n.id}' (also nodes[${first}])` });
    else seen.set(n.id, i);
  });
  file.edges.forEach((e, j) => {
    if (!seen.has(e.source)) errors.push({ path: `edges[${j}].source`, message: `no node has the id '${e.source}'` });
    if (!seen.has(e.target)) errors.push({ path: `edges[${j}].target`, message: `no node has the id '${e.target}'` });
  });
  if (file.loss !== null && !seen.has(file.loss)) errors.push({ path: 'loss', message: `no node has the id '${file.loss}'` });
  return errors;
}

/** Graph problems (cycles, unconnected ports, shapes, attributes) placed at the JSON path they concern. */
function graphErrors(file: GraphFile): FileError[] {
  const result = compile(fileToGraph(file));
  return result.problems.filter((p) => p.severity === 'error').map((p) => ({ path: problemPath(file, p), message: p.message }));
}

/** The JSON path a compile problem points at. */
export function problemPath(file: GraphFile, p: Problem): string {
  if (p.code === 'unknown_loss' || p.code === 'loss_not_scalar') return 'loss';
  const i = file.nodes.findIndex((n) => n.id === p.node);
  if (i < 0) return '';
  if (p.code === 'bad_attribute' && p.port) return `nodes[${i}].attrs.${p.port}`;
  if ((p.code === 'unknown_port' || p.code === 'port_fed_twice') && p.port) {
    const edges = file.edges.map((e, j) => ({ e, j })).filter(({ e }) => e.target === p.node && e.targetPort === p.port);
    const last = edges[edges.length - 1];
    if (last) return `edges[${last.j}].targetPort`;
  }
  if (p.code === 'bad_value') return `nodes[${i}].value`;
  return `nodes[${i}]`;
}
