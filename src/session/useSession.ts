import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RecentState } from '../shell/recentStore';
import type { Workspace } from '../shell/workspace';
import type { Session } from './Session';
import type { SessionState } from './types';

/** The app's workspace (its session, Recent and autosave), for the views below the provider. */
export const WorkspaceContext = createContext<Workspace | null>(null);

/** The workspace the views are drawn for. */
export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('GradCanvas views are drawn inside a WorkspaceContext provider');
  return ws;
}

/** The session, to call its methods (what the learner does). */
export function useSessionApi(): Session {
  return useWorkspace().session;
}

/** Reads the session's state through a selector: the view re-renders when what it selects changes. */
export function useSession<T>(selector: (state: SessionState) => T): T {
  return useStore(useSessionApi().store, selector);
}

/** Reads the Recent list's state through a selector. */
export function useRecent<T>(selector: (state: RecentState) => T): T {
  return useStore(useWorkspace().recent, selector);
}
