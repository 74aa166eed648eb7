import { z } from 'zod';

/** The local-storage key of the learner's lesson progress. */
export const PROGRESS_KEY = 'gradcanvas.lessons.v1';

/** What is remembered across visits: steps done per lesson, the open lesson, whether the welcome was dismissed. */
export interface Progress {
  /** Steps done (1-based) per lesson id. */
  readonly done: Readonly<Record<string, readonly number[]>>;
  readonly open: { readonly id: string; readonly step: number } | null;
  readonly welcomeSeen: boolean;
}

/** A learner who has not started. */
export const NO_PROGRESS: Progress = { done: {}, open: null, welcomeSeen: false };

const storedSchema = z.object({
  done: z.record(z.string().max(40), z.array(z.number().int().min(1).max(99)).max(99)).catch({}),
  open: z.object({ id: z.string().max(40), step: z.number().int().min(1).max(99) }).nullable().catch(null),
  welcomeSeen: z.boolean().catch(false),
});

/**
 * The progress in storage. Storage that is unavailable, unreadable or damaged (hand-edited,
 * another version) never stops the page: what can be read is kept, the rest starts fresh.
 */
export function readProgress(storage: Storage | null): Progress {
  let raw: string | null;
  try {
    raw = storage?.getItem(PROGRESS_KEY) ?? null;
  } catch {
    return NO_PROGRESS;
  }
  if (raw === null) return NO_PROGRESS;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return NO_PROGRESS;
  }
  const r = storedSchema.safeParse(json);
  return r.success ? r.data : NO_PROGRESS;
}

/** Saves the progress; false when storage refused it (full, blocked): the lesson goes on, unsaved. */
export function writeProgress(storage: Storage | null, progress: Progress): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}
