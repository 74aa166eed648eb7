import { Session, type SessionOptions } from '../session/Session';
import { createRecentStore } from './recentStore';
import { switchEntry, type Workspace } from './workspace';

/** The app's workspace with a way to connect autosave once it has started (after the boot). */
export interface AppWorkspace extends Workspace {
  /** Connects the running autosave, so opening a document first saves the one being left. */
  connectAutosave(flush: ((force?: boolean) => void) | null): void;
}

/** Makes the app's workspace: its one session and the Recent list, with autosave between them once connected. */
export function createAppWorkspace(options: SessionOptions = {}): AppWorkspace {
  let flushAutosave: ((force?: boolean) => void) | null = null;
  const ws: AppWorkspace = {
    session: new Session({ ...options, switchEntry: (id) => switchEntry(ws, id) }),
    recent: createRecentStore(),
    flush: (force) => flushAutosave?.(force),
    connectAutosave(flush) {
      flushAutosave = flush;
    },
  };
  return ws;
}
