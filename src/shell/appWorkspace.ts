import { useEditor } from '../store';
import { createRecentStore } from './recentStore';
import type { Workspace } from './workspace';

/** The app's Recent list; the boot gives it the browser's storage. */
export const useRecent = createRecentStore();

let flushAutosave: ((force?: boolean) => void) | null = null;

/** Connects the running autosave, so opening a document first saves the one being left. */
export function connectAutosave(flush: ((force?: boolean) => void) | null): void {
  flushAutosave = flush;
}

/** The app's workspace: the editor, Recent, and the autosave between them. */
export const appWorkspace: Workspace = {
  editor: useEditor,
  recent: useRecent,
  flush: (force) => flushAutosave?.(force),
};
