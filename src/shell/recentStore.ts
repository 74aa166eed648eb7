import { create } from 'zustand';
import { encodeSession, type SavedDocument } from '../store/persistence';
import { discardRecent, listRecent, markRecentDamaged, newDocumentId, type RecentEntry, recentText, type SaveOutcome, saveRecent } from './recentStorage';

/** The Recent list as the page shows it, and which entry the open document is saved to. */
export interface RecentState {
  /** Where documents are kept; null when the browser blocks storage (the editor still works, unsaved). */
  readonly storage: Storage | null;
  readonly entries: readonly RecentEntry[];
  /** The entry the open document autosaves to; it is listed once first saved. */
  readonly currentId: string;
}

/** What can be done with Recent. */
export interface RecentActions {
  /** Saves the open document to its entry, first in the list (throws StorageFullError when it cannot fit). */
  save(session: SavedDocument, now?: number): SaveOutcome;
  /** Makes `id` the entry the open document saves to. */
  setCurrent(id: string): void;
  /** The stored text of an entry, as it is. */
  text(id: string): string | null;
  markDamaged(id: string): void;
  discard(id: string): void;
  /** Reads the list again (another tab may have changed it). */
  refresh(): void;
}

/** The Recent store type. */
export type RecentStore = ReturnType<typeof createRecentStore>;

/** Creates a Recent store over `storage`; the app has one, tests make their own. */
export function createRecentStore(storage: Storage | null = null, entries: readonly RecentEntry[] = [], currentId: string = newDocumentId()) {
  return create<RecentState & RecentActions>()((set, get) => ({
    storage,
    entries,
    currentId,
    save(session, now = Date.now()) {
      const { storage: s, currentId: id } = get();
      if (!s) return { entries: [], droppedForSpace: [] };
      const outcome = saveRecent(s, { id, name: session.doc.name ?? null, text: encodeSession(session) }, now);
      set({ entries: outcome.entries });
      return outcome;
    },
    setCurrent: (id) => set({ currentId: id }),
    text(id) {
      const s = get().storage;
      return s ? recentText(s, id) : null;
    },
    markDamaged(id) {
      const s = get().storage;
      if (s) set({ entries: markRecentDamaged(s, id) });
    },
    discard(id) {
      const s = get().storage;
      // The open document's own entry is never discarded from the menu: it would come back at the next save.
      if (s && id !== get().currentId) set({ entries: discardRecent(s, id) });
    },
    refresh() {
      const s = get().storage;
      if (!s) return;
      try {
        set({ entries: listRecent(s) });
      } catch {
        // A storage that cannot be read right now keeps the list as last seen.
      }
    },
  }));
}
