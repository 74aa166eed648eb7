import { createNode, freshId } from '../store/edits';
import type { GraphFile } from '../../engine/format/schema';
import { useEditor } from '../store';
import { placeAtCentre, type Point } from './placement';

/** Adds a node of `op` with its middle at `centre` (flow coordinates) as one undoable step, selects it, and returns its id. */
export function addNodeAt(op: string, centre: Point): string {
  let id = op;
  useEditor.getState().edit('add node', (d) => {
    id = freshId(d as GraphFile, op);
    d.nodes.push(createNode(op, id, placeAtCentre(centre, d.nodes.map((n) => n.position))));
  });
  useEditor.getState().select([id]);
  return id;
}
