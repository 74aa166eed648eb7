import { type FileNode, type GraphFile, lookupOp } from '../../engine';
import { createNode, freshId } from '../store/edits';
import { freeSpot, nodeTopLeftAt, type Point } from './placement';

/**
 * A new node of `op`, made the same way whichever gesture adds it (a palette drop, Enter on
 * a palette item): a fresh id, the fields its definition gives a new node, and its top-left
 * placed so `at` (the drop point, or the canvas centre) falls on its title bar, on the grid,
 * moved off any node already there. Null for an op the engine does not know.
 */
export function newNode(doc: GraphFile, op: string, at: Point): FileNode | null {
  if (!lookupOp(op)) return null;
  return createNode(op, freshId(doc, op), freeSpot(nodeTopLeftAt(at), doc.nodes.map((n) => n.position)));
}
