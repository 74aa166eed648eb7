import { z } from 'zod/mini';

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

const lessonId = z.string().check(z.maxLength(40));
const stepNumber = z.int().check(z.gte(1), z.lte(99));

const storedSchema = z.object({
  done: z.catch(z.record(lessonId, z.array(stepNumber).check(z.maxLength(99))), {}),
  open: z.catch(z.nullable(z.object({ id: lessonId, step: stepNumber })), null),
  welcomeSeen: z.catch(z.boolean(), false),
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
