import { useCallback } from 'react';
import type { FileNode, GraphFile } from '../../engine';
import type { Session } from '../session/Session';
import { useSessionApi } from '../session/useSession';

/** Changes one node of the open document as one undoable step (a `mergeKey` makes a whole typing one step). */
export type EditNode = (id: string, label: string, change: (node: FileNode, doc: GraphFile) => void, mergeKey?: string) => void;

/**
 * Runs an undoable edit on one node of the session's document. Typing in one field passes a
 * `mergeKey` (`attr:<node>:<name>`) so the whole typing undoes as one step.
 */
export function editNode(session: Session, id: string, label: string, change: (node: FileNode, doc: GraphFile) => void, mergeKey?: string): void {
  session.edit(
    label,
    (doc) => {
      const node = doc.nodes.find((n) => n.id === id);
      if (node) change(node as FileNode, doc as GraphFile);
    },
    mergeKey,
  );
}

/** editNode bound to the view's session. */
export function useEditNode(): EditNode {
  const session = useSessionApi();
  return useCallback((id, label, change, mergeKey) => editNode(session, id, label, change, mergeKey), [session]);
}
