import type { z } from 'zod/mini';
import { compile } from '../exec/compile';
import { formatCount, MAX_FILE_CHARS, MAX_NESTING_DEPTH, MAX_NODES, MAX_TOTAL_ELEMENTS } from '../limits';
import { fileToGraph } from './convert';
import { scanStructure } from './depth';
import { capErrors, FILE_REASONS, type FileError, fileError, type FileReason, formatPath } from './fileError';
import { type Migration, MIGRATIONS, migrateForward } from './migrate';
import { nodeFieldErrors } from './nodeFields';
import { problemPath } from './problemPath';
import { countErrors, rawSizeErrors } from './rawLimits';
import { referenceErrors } from './references';
import { type GraphFile, graphFileSchema, SCHEMA_WORDING } from './schema';
import { optimizerStateErrors } from './stateChecks';

export { FILE_REASONS, type FileError, type FileReason, fileError, formatFileError, formatPath } from './fileError';
export { problemPath } from './problemPath';

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
  /** The most nodes accepted: MAX_NODES unless lower (the page opens at most PAGE_MAX_NODES). */
  readonly maxNodes?: number;
}

/**
 * Checks, parses, migrates and validates a graph file's text, in an order that refuses
 * anything too big before it costs memory or stack: length, then nesting (a scan of the
 * text), then JSON.parse, then sizes and names, then the schema and the references.
 */
export function loadGraphFile(text: string, options: LoadOptions = {}): LoadResult {
  if (typeof text !== 'string') return fail([fileError('', 'file.not_text')]);
  if (text.length > MAX_FILE_CHARS) {
    return fail([fileError('', 'file.too_long', { count: formatCount(text.length), limit: formatCount(MAX_FILE_CHARS) })]);
  }
  // Editors on Windows may start UTF-8 files with a byte order mark; every way in reads past it alike.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { deepLine, commas } = scanStructure(body, MAX_NESTING_DEPTH);
  if (deepLine !== null) {
    return fail([fileError('', 'file.too_deep', { limit: MAX_NESTING_DEPTH, line: formatCount(deepLine) })]);
  }
  // The same total the parsed document is held to, checked on the text so parsing never builds more.
  if (commas > MAX_TOTAL_ELEMENTS) {
    return fail([fileError('', 'file.too_many_entries', { count: formatCount(commas + 1), limit: formatCount(MAX_TOTAL_ELEMENTS) })]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return fail([fileError('', 'file.not_json', { detail: jsonSyntaxMessage(e) })]);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail([fileError('', 'file.not_object')]);
  }
  const sizeErrors = rawSizeErrors(raw);
  if (sizeErrors.length > 0) return fail(sizeErrors);
  const migrated = migrateForward(raw as Record<string, unknown>, options.migrations ?? MIGRATIONS);
  if ('error' in migrated) return fail([migrated.error]);
  const counted = countErrors(migrated.doc, Math.min(options.maxNodes ?? MAX_NODES, MAX_NODES));
  if (counted.length > 0) return fail(counted);
  const parsed = graphFileSchema.safeParse(migrated.doc, { error: SCHEMA_WORDING.localeError });
  if (!parsed.success) return fail(parsed.error.issues.flatMap(issueToErrors));
  const file = parsed.data;
  const errors = [...referenceErrors(file), ...nodeFieldErrors(file), ...optimizerStateErrors(file)];
  if (errors.length === 0 && options.checkGraph !== false) errors.push(...graphErrors(file));
  return errors.length > 0 ? fail(errors) : { ok: true, file };
}

function fail(errors: FileError[]): LoadResult {
  return { ok: false, errors: capErrors(errors) };
}

/** JSON.parse's own message, cut short: it can quote a stretch of the file. */
function jsonSyntaxMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : 'the text cannot be read';
  return message.length > 160 ? `${message.slice(0, 160)}…` : message;
}

/** The most unknown fields of one object reported one by one. */
const NAMED_KEYS = 5;

/** Zod's issues as errors at the path of the value concerned (an unknown field at its own path, even at the top). */
function issueToErrors(issue: z.core.$ZodIssue): FileError[] {
  if (issue.code === 'unrecognized_keys') {
    const errors = issue.keys.slice(0, NAMED_KEYS).map((k) => fileError(formatPath([...issue.path, k]), 'file.unknown_field'));
    const rest = issue.keys.length - NAMED_KEYS;
    if (rest > 0) errors.push(fileError(formatPath([...issue.path, issue.keys[NAMED_KEYS]]), 'file.unknown_fields', { count: formatCount(rest - 1) }));
    return errors;
  }
  // A check that gave its reason (schema.ts's `reasoned`) is passed on with it, so the page can word it.
  const given = issue.code === 'custom' ? (issue.params as Record<string, string | number> | undefined) : undefined;
  if (given && typeof given.reason === 'string' && Object.hasOwn(FILE_REASONS, given.reason)) {
    const params = Object.fromEntries(Object.entries(given).filter(([k]) => k !== 'reason'));
    return [fileError(formatPath(issue.path), given.reason as FileReason, params)];
  }
  return [{ path: formatPath(issue.path), message: issue.message.replace(/^Invalid input: /, '') }];
}

/** Graph problems (cycles, unconnected ports, shapes, attributes, sizes) placed at the JSON path they concern. */
function graphErrors(file: GraphFile): FileError[] {
  const result = compile(fileToGraph(file), { checkOnly: true });
  return result.problems.filter((p) => p.severity === 'error').map((p) => ({ path: problemPath(file, p), message: p.message, reason: p.reason, params: p.params }));
}
