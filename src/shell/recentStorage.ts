import { LEGACY_AUTOSAVE_KEY, peekSession } from '../store/persistence';

/** The local-storage key of the Recent list's index: which documents, in what order, with their names and times. */
export const RECENT_INDEX_KEY = 'gradcanvas.recent.v2';

/** The prefix of each Recent document's own key; the id follows it. */
const RECENT_DOC_PREFIX = 'gradcanvas.recent.v2.doc.';

/** How many documents Recent keeps (damaged ones are kept beyond it until the user discards them). */
export const RECENT_LIMIT = 10;

/** One document in Recent. The list is ordered by use: the first is the one open most recently. */
export interface RecentEntry {
  readonly id: string;
  /** The graph's own name, or null for an untitled or unreadable one. */
  readonly name: string | null;
  /** When the document was last saved, in milliseconds since 1970. */
  readonly savedAt: number;
  /** The stored text cannot be opened: it is kept as it is until the user exports or discards it. */
  readonly damaged?: boolean;
}

/** The browser refused to store a document even after the oldest healthy documents were dropped. */
export class StorageFullError extends Error {
  constructor(readonly damagedCount: number) {
    super('local storage is full');
    this.name = 'StorageFullError';
  }
}

/** The key holding one document's text. */
export function recentDocKey(id: string): string {
  return RECENT_DOC_PREFIX + id;
}

/** A new document id: unique enough for one browser's storage, and usable in a key. */
export function newDocumentId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Whether a storage write failed because the browser's quota is used up. */
function isQuotaError(e: unknown): boolean {
  if (!(e instanceof DOMException)) return false;
  return e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22 || e.code === 1014;
}

/**
 * The Recent list as stored. An index that cannot be read holds no document text, only
 * names and times, so it is rebuilt from the documents' own keys and nothing is lost.
 */
export function listRecent(storage: Storage): RecentEntry[] {
  const raw = storage.getItem(RECENT_INDEX_KEY);
  if (raw === null) return [];
  const parsed = parseIndex(raw);
  if (parsed) return parsed;
  const rebuilt = storedIds(storage).map((id) => entryFromText(id, storage.getItem(recentDocKey(id)) ?? '', 0));
  writeIndex(storage, rebuilt);
  return rebuilt;
}

/** The stored text of a document, exactly as it was written, or null when there is none. */
export function recentText(storage: Storage, id: string): string | null {
  return storage.getItem(recentDocKey(id));
}

/**
 * Checks every entry once (at boot) without opening the graphs: an entry whose text is
 * gone is dropped (there is nothing left to recover), one whose text cannot be read is
 * marked damaged and kept as it is.
 */
export function inspectRecent(storage: Storage): RecentEntry[] {
  const before = listRecent(storage);
  const after: RecentEntry[] = [];
  for (const e of before) {
    const text = storage.getItem(recentDocKey(e.id));
    if (text === null) continue;
    after.push(e.damaged || peekSession(text).readable ? e : { ...e, damaged: true });
  }
  if (after.length !== before.length || after.some((e, i) => e !== before[i])) writeIndex(storage, after);
  return after;
}

/** What moving the single autosaved document of older versions into Recent did. */
export type LegacyMigration =
  | { readonly kind: 'none' }
  /** It is in Recent now, first, and the old key is gone. */
  | { readonly kind: 'migrated'; readonly entry: RecentEntry }
  /** It could not be copied (storage is full): the old key is kept, and its text is here to open. */
  | { readonly kind: 'failed'; readonly text: string };

/**
 * Moves `gradcanvas.autosave.v1` into Recent as its first entry, text as it is (damaged or
 * not). The old key is removed only once the copy and the index are written, and a copy
 * already present is recognised, so an interrupted migration never duplicates or loses it.
 */
export function migrateLegacy(storage: Storage, now: number, id: string): LegacyMigration {
  const text = storage.getItem(LEGACY_AUTOSAVE_KEY);
  if (text === null) return { kind: 'none' };
  const entries = listRecent(storage);
  const existing = entries.find((e) => storage.getItem(recentDocKey(e.id)) === text);
  if (existing) {
    storage.removeItem(LEGACY_AUTOSAVE_KEY);
    return { kind: 'migrated', entry: existing };
  }
  const entry = entryFromText(id, text, now);
  try {
    storage.setItem(recentDocKey(id), text);
    writeIndex(storage, [entry, ...entries]);
  } catch {
    storage.removeItem(recentDocKey(id));
    return { kind: 'failed', text };
  }
  storage.removeItem(LEGACY_AUTOSAVE_KEY);
  return { kind: 'migrated', entry };
}

/** What saving a document did to the rest of the list. */
export interface SaveOutcome {
  readonly entries: RecentEntry[];
  /** Healthy documents dropped, oldest first, because the browser's storage was full. */
  readonly droppedForSpace: RecentEntry[];
}

/**
 * Saves a document's text as the first entry of Recent. Beyond RECENT_LIMIT the oldest
 * healthy documents leave the list. When the browser's storage is full, the oldest healthy
 * documents other than this one are dropped until it fits; damaged ones are never dropped
 * here, and if nothing else can go, StorageFullError is thrown and the list is unchanged.
 */
export function saveRecent(storage: Storage, doc: { readonly id: string; readonly name: string | null; readonly text: string }, now: number): SaveOutcome {
  const stored = listRecent(storage);
  const wasListed = stored.some((e) => e.id === doc.id);
  const next: RecentEntry[] = [{ id: doc.id, name: doc.name, savedAt: now }, ...stored.filter((e) => e.id !== doc.id)];
  const capped: RecentEntry[] = [];
  while (next.length > RECENT_LIMIT) {
    const i = oldestDroppable(next, doc.id);
    if (i < 0) break;
    capped.push(...next.splice(i, 1));
  }
  const droppedForSpace: RecentEntry[] = [];
  const droppedTexts: string[] = [];
  for (;;) {
    try {
      storage.setItem(recentDocKey(doc.id), doc.text);
      writeIndex(storage, next);
      break;
    } catch (e) {
      const i = isQuotaError(e) ? oldestDroppable(next, doc.id) : -1;
      if (i < 0) {
        // It does not fit even alone: put back what was dropped for it, so a failed save changes nothing.
        if (!wasListed) storage.removeItem(recentDocKey(doc.id));
        droppedForSpace.forEach((d, k) => writeQuietly(storage, recentDocKey(d.id), droppedTexts[k]));
        writeIndexQuietly(storage, stored);
        if (isQuotaError(e)) throw new StorageFullError(next.filter((x) => x.damaged).length);
        throw e;
      }
      const [gone] = next.splice(i, 1);
      droppedTexts.push(storage.getItem(recentDocKey(gone.id)) ?? '');
      storage.removeItem(recentDocKey(gone.id));
      droppedForSpace.push(gone);
    }
  }
  for (const e of capped) storage.removeItem(recentDocKey(e.id));
  return { entries: next, droppedForSpace };
}

/** Removes a document from Recent and its text from storage (the user asked to discard it). */
export function discardRecent(storage: Storage, id: string): RecentEntry[] {
  const next = listRecent(storage).filter((e) => e.id !== id);
  writeIndex(storage, next);
  storage.removeItem(recentDocKey(id));
  return next;
}

/** Marks a document that could not be opened as damaged; its text stays exactly as stored. */
export function markRecentDamaged(storage: Storage, id: string): RecentEntry[] {
  const next = listRecent(storage).map((e) => (e.id === id ? { ...e, damaged: true } : e));
  writeIndexQuietly(storage, next);
  return next;
}

/** The last healthy entry other than `keep`: the oldest one that may leave the list. */
function oldestDroppable(entries: readonly RecentEntry[], keep: string): number {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].id !== keep && !entries[i].damaged) return i;
  return -1;
}

function writeIndex(storage: Storage, entries: readonly RecentEntry[]): void {
  storage.setItem(RECENT_INDEX_KEY, JSON.stringify({ version: 2, entries }));
}

// The index only orders and names documents: failing to rewrite it loses no document.
function writeIndexQuietly(storage: Storage, entries: readonly RecentEntry[]): void {
  writeQuietly(storage, RECENT_INDEX_KEY, JSON.stringify({ version: 2, entries }));
}

// Putting back text whose space was just freed; if even that fails there is nothing better to do.
function writeQuietly(storage: Storage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // Keep going with what is in memory; the next successful save writes it.
  }
}

function parseIndex(raw: string): RecentEntry[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || !Array.isArray((parsed as { entries?: unknown }).entries)) return null;
  const seen = new Set<string>();
  const entries: RecentEntry[] = [];
  for (const e of (parsed as { entries: unknown[] }).entries) {
    if (e === null || typeof e !== 'object') continue;
    const { id, name, savedAt, damaged } = e as Record<string, unknown>;
    if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id) || seen.has(id)) continue;
    seen.add(id);
    entries.push({
      id,
      name: typeof name === 'string' ? name : null,
      savedAt: typeof savedAt === 'number' && Number.isFinite(savedAt) ? savedAt : 0,
      ...(damaged === true ? { damaged: true } : {}),
    });
  }
  return entries;
}

function storedIds(storage: Storage): string[] {
  const ids: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(RECENT_DOC_PREFIX)) ids.push(key.slice(RECENT_DOC_PREFIX.length));
  }
  return ids.sort();
}

function entryFromText(id: string, text: string, savedAt: number): RecentEntry {
  const peek = peekSession(text);
  return { id, name: peek.name, savedAt, ...(peek.readable ? {} : { damaged: true }) };
}
