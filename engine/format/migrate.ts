import { describeValue } from '../graph/describe';
import { type FileError, fileError } from './fileError';
import { CURRENT_VERSION, FORMAT_NAME } from './schema';

/** One step forward: turns a document of version `from` into version `from + 1`. */
export interface Migration {
  readonly from: number;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Every released migration, in order. Version 1 is the first released version, so the
 * list is empty; a change to the format adds a step here and freezes the old example
 * in `fixtures/` so it keeps loading.
 */
export const MIGRATIONS: readonly Migration[] = [];

/** Brings a parsed document up to `target` one version at a time, or says why it cannot. */
export function migrateForward(
  doc: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  target = CURRENT_VERSION,
): { doc: Record<string, unknown> } | { error: FileError } {
  if (doc.format !== FORMAT_NAME) {
    return { error: fileError('format', 'file.not_gradcanvas', { format: FORMAT_NAME, got: describeValue(doc.format) }) };
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { error: fileError('version', 'file.bad_version', { got: describeValue(version) }) };
  }
  if (version > target) {
    return { error: fileError('version', 'file.newer_version', { version, max: target }) };
  }
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { error: fileError('version', 'file.no_migration', { version: v }) };
    current = { ...step.migrate(current), version: v + 1 };
  }
  return { doc: current };
}
