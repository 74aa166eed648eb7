import { describeValue } from '../graph/describe';
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
): { doc: Record<string, unknown> } | { error: { path: string; message: string } } {
  if (doc.format !== FORMAT_NAME) {
    return { error: { path: 'format', message: `must be "${FORMAT_NAME}", got ${describeValue(doc.format)}: this is not a GradCanvas graph file` } };
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { error: { path: 'version', message: `must be a whole number from 1, got ${describeValue(version)}` } };
  }
  if (version > target) {
    return { error: { path: 'version', message: `version ${version} is newer than this GradCanvas reads (up to ${target}); update GradCanvas to open it` } };
  }
  let current = doc;
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { error: { path: 'version', message: `no migration from version ${v}` } };
    current = { ...step.migrate(current), version: v + 1 };
  }
  return { doc: current };
}
