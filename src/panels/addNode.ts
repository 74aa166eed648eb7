import type { GraphFile } from '../../engine';
import type { Session } from '../session/Session';
import { createNode, freshId } from '../store/edits';
import { placeAtCentre, type Point } from './placement';

/** Adds a node of `op` with its middle at `centre` (flow coordinates) as one undoable step, selects it, and returns its id. */
export function addNodeAt(session: Session, op: string, centre: Point): string {
  let id = op;
  session.edit('add node', (d) => {
    id = freshId(d as GraphFile, op);
    d.nodes.push(createNode(op, id, placeAtCentre(centre, d.nodes.map((n) => n.position))));
  });
  session.select([id]);
  return id;
}
