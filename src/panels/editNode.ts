import type { FileNode, GraphFile } from '../../engine/format/schema';
import { useEditor } from '../store';

/**
 * Runs an undoable edit on one node of the open document. Typing in one field passes a
 * `mergeKey` (`attr:<node>:<name>`) so the whole typing undoes as one step.
 */
export function editNode(id: string, label: string, change: (node: FileNode, doc: GraphFile) => void, mergeKey?: string): void {
  useEditor.getState().edit(
    label,
    (doc) => {
      const node = doc.nodes.find((n) => n.id === id);
      if (node) change(node as FileNode, doc as GraphFile);
    },
    mergeKey,
  );
}
