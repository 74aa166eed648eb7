import { useEffect } from 'react';
import { useEditor } from '../store';
import { copySelection, duplicateSelection, pasteFromClipboard } from './editActions';
import { isEditableTarget, type Shortcut, shortcutFor } from './shortcuts';

/**
 * Binds copy, paste, duplicate, undo and redo to their keys for the whole page, except while
 * typing in a field (where those keys belong to the field). A handled key has its browser
 * default (bookmark on Ctrl+D, text undo) prevented; an unhandled one is left alone.
 */
export function useCanvasShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const action = shortcutFor(e);
      if (!action) return;
      if (isEditableTarget(e.target instanceof Element ? e.target : null)) return;
      if (perform(action)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function perform(action: Shortcut): boolean {
  const editor = useEditor.getState();
  switch (action) {
    case 'undo':
      editor.undo();
      return true;
    case 'redo':
      editor.redo();
      return true;
    case 'copy':
      // Selected text on the page (a value table, a message) copies as text, as usual.
      if ((window.getSelection()?.toString() ?? '') !== '') return false;
      return copySelection(useEditor);
    case 'paste':
      return pasteFromClipboard(useEditor);
    case 'duplicate':
      return duplicateSelection(useEditor);
  }
}
