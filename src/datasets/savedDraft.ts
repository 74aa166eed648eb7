import { z } from 'zod/mini';
import type { DatasetsState } from '../session/types';

// The Data panel's draft (a CSV imported but not yet bound) as autosave keeps it beside the
// document, so a reload does not lose it. Roles are stored as [column, role] pairs: a column
// may be named anything, and pairs never become an object key.

const savedSchema = z.object({
  draft: z.nullable(
    z.object({
      name: z.string().check(z.maxLength(200)),
      dataset: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.number())) }),
      roles: z.array(z.tuple([z.string(), z.enum(['feature', 'target', 'label', 'unused'])])),
      textColumns: z.array(z.string()),
    }),
  ),
  split: z.object({ enabled: z.boolean(), testFraction: z.number().check(z.gt(0), z.lt(1)), seed: z.int() }),
  scaling: z.enum(['none', 'centre', 'standardise']),
});

/** The panel's state as autosave writes it (plain JSON). */
export function saveDatasets(d: DatasetsState): unknown {
  return {
    draft: d.draft && { name: d.draft.name, dataset: d.draft.dataset, roles: Object.entries(d.draft.roles), textColumns: d.draft.textColumns },
    split: d.split,
    scaling: d.scaling,
  };
}

/** The panel's state read back, or null when what was stored is not one (an older save, a damaged one). */
export function readDatasets(v: unknown): DatasetsState | null {
  const r = savedSchema.safeParse(v);
  if (!r.success) return null;
  const { draft, split, scaling } = r.data;
  if (draft && draft.dataset.rows.some((row) => row.length !== draft.dataset.columns.length)) return null;
  return {
    draft: draft && { name: draft.name, dataset: draft.dataset, roles: Object.fromEntries(draft.roles), textColumns: draft.textColumns },
    errors: null,
    split,
    scaling,
  };
}
