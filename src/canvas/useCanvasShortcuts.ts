import { useEffect } from 'react';
import type { Session } from '../session/Session';
import { useSessionApi } from '../session/useSession';
import { copySelection, duplicateSelection, pasteFromClipboard } from './editActions';
import { isEditableTarget, type Shortcut, shortcutFor } from './shortcuts';

/**
 * Binds copy, paste, duplicate, undo and redo to their keys for the whole page, except while
 * typing in a field (where those keys belong to the field). A handled key has its browser
 * default (bookmark on Ctrl+D, text undo) prevented; an unhandled one is left alone.
 */
export function useCanvasShortcuts(): void {
  const session = useSessionApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = shortcutFor(e);
      if (!action) return;
      if (isEditableTarget(e.target instanceof Element ? e.target : null)) return;
      if (perform(session, action)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
}

function perform(session: Session, action: Shortcut): boolean {
  switch (action) {
    case 'undo':
      session.undo();
      return true;
    case 'redo':
      session.redo();
      return true;
    case 'copy':
      // Selected text on the page (a value table, a message) copies as text, as usual.
      if ((window.getSelection()?.toString() ?? '') !== '') return false;
      return copySelection(session);
    case 'paste':
      return pasteFromClipboard(session);
    case 'duplicate':
      return duplicateSelection(session);
  }
}
