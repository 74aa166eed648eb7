import { useLanguage } from '../i18n/language';
import { translate } from '../i18n/useT';
import type { EditorStore } from '../store/editorStore';
import { saveSession } from '../store/persistence';

/** How long autosave waits after the last change, so a drag does not write on every frame. */
export const AUTOSAVE_DELAY_MS = 200;

/** A running autosave: `flush` writes a pending change now (on pagehide), `stop` ends it. */
export interface Autosave {
  flush(): void;
  stop(): void;
}

/** How autosave starts. */
export interface AutosaveOptions {
  readonly delayMs?: number;
  /** Save once right away (the session differs from what storage holds). */
  readonly dirty?: boolean;
  /**
   * Storage holds data that could not be restored: keep it until the document is edited,
   * so opening the page (and the canvas fitting its view) never overwrites it.
   */
  readonly keepUntilEdit?: boolean;
}

/** Saves the document, selection and viewport after every change to them, debounced. */
export function startAutosave(store: EditorStore, storage: Storage, options: AutosaveOptions = {}): Autosave {
  const delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
  let armed = !options.keepUntilEdit;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!dirty) return;
    dirty = false;
    const s = store.getState();
    try {
      saveSession(storage, { doc: s.history.present, selection: s.selection, viewport: s.viewport });
    } catch (e) {
      // A full or unavailable storage must not break editing; say so once per failure.
      s.notify({ kind: 'error', text: translate(useLanguage.getState().lang, 'shell.notice.autosaveFailed', { reason: (e as Error).message }) });
    }
  };
  const schedule = () => {
    dirty = true;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.history.present !== prev.history.present) armed = true;
    if (!armed) return;
    if (s.history.present !== prev.history.present || s.selection !== prev.selection || s.viewport !== prev.viewport) schedule();
  });
  if (options.dirty) schedule();
  return {
    flush,
    stop() {
      flush();
      unsubscribe();
    },
  };
}
