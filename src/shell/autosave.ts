import { joinWords, msg } from '../i18n/words';
import { technicalText } from '../store/persistence';
import { recentNameWords } from './recentActions';
import { StorageFullError } from './recentStorage';
import type { Notice, Workspace } from './workspace';

/** How long autosave waits after the last change, so a drag does not write on every frame. */
export const AUTOSAVE_DELAY_MS = 200;

/**
 * A running autosave: `flush` writes a pending change now (on pagehide, before another
 * document opens), or with `force` the document even unchanged; `stop` ends it.
 */
export interface Autosave {
  flush(force?: boolean): void;
  stop(): void;
}

/** How autosave starts. */
export interface AutosaveOptions {
  /** Save once right away (the open document is not in storage yet, or differs from it). */
  readonly dirty?: boolean;
}

/**
 * Saves the open document (with its history), its selection, viewport and the Data panel's
 * draft to its Recent entry after every change, debounced. A full storage drops the oldest healthy documents from Recent and
 * says which; if the document still does not fit, the notice says so in plain words.
 */
export function startAutosave(ws: Pick<Workspace, 'session' | 'recent'>, options: AutosaveOptions = {}): Autosave {
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // The last failure shown, so a full storage is reported once rather than after every edit.
  let lastFailure: string | null = null;

  const report = (notice: Notice, key: string) => {
    if (lastFailure === key) return;
    lastFailure = key;
    ws.session.notify(notice);
  };

  const flush = (force = false) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!dirty && !force) return;
    dirty = false;
    const s = ws.session.state;
    try {
      const outcome = ws.recent.getState().save({ doc: s.history.present, selection: s.selection, viewport: s.viewport, datasets: s.datasets });
      lastFailure = null;
      if (outcome.droppedForSpace.length > 0) {
        const names = joinWords(outcome.droppedForSpace.map((e) => ['“', recentNameWords(e), '”']), ', ');
        ws.session.notify({ kind: 'info', text: msg('shell.notice.recentDropped', { names }) });
      }
    } catch (e) {
      // A full or unavailable storage must not break editing: the document stays open, unsaved.
      if (e instanceof StorageFullError) {
        const key = e.damagedCount > 0 ? 'shell.notice.storageFullDamaged' : 'shell.notice.storageFull';
        report({ kind: 'error', text: msg(key, { count: e.damagedCount }) }, key);
      } else {
        report({ kind: 'error', text: msg('shell.notice.autosaveFailed'), technical: technicalText(e) }, 'other');
      }
    }
  };
  const schedule = () => {
    dirty = true;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  };

  const unsubscribe = ws.session.subscribe((s, prev) => {
    if (s.history.present !== prev.history.present || s.selection !== prev.selection || s.viewport !== prev.viewport || s.datasets !== prev.datasets) schedule();
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
