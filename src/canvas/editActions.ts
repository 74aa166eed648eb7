import type { FileEdge, GraphFile } from '../../engine';
import type { Session } from '../session/Session';
import { copyNodes, pasteClip, removeEdges, removeNodes } from '../store/edits';
import { nextPaste, PASTE_STEP, setClip } from './clipboard';
import { newNode } from './newNode';
import type { Point } from './placement';

/**
 * Adds a node of `op` where the user pointed (`at` in flow coordinates: the drop point, or the
 * canvas centre for the keyboard) as one undo step, and selects it; returns its id (null for an unknown op).
 */
export function addOpNode(session: Session, op: string, at: Point): string | null {
  const node = newNode(session.state.history.present, op, at);
  if (!node) return null;
  session.edit('add node', (d) => void d.nodes.push(node));
  session.select([node.id]);
  return node.id;
}

/** Deletes nodes (with their wires) and wires as one undo step, and drops them from the selection. */
export function deleteElements(session: Session, nodeIds: readonly string[], edgeIds: readonly string[]): void {
  if (nodeIds.length === 0 && edgeIds.length === 0) return;
  const nodes = new Set(nodeIds);
  session.edit('delete', (d) => {
    removeEdges(d as GraphFile, new Set(edgeIds));
    removeNodes(d as GraphFile, nodes);
  });
  const { selection } = session.state;
  if (selection.some((id) => nodes.has(id))) session.select(selection.filter((id) => !nodes.has(id)));
}

/** Adds a wire the canvas has already judged valid. */
export function addWire(session: Session, edge: FileEdge): void {
  session.edit('connect', (d) => {
    d.edges.push({ source: edge.source, target: edge.target, targetPort: edge.targetPort });
  });
}

/**
 * Commits node positions after a drag or a nudge. `mergeKey` makes one gesture one undo
 * step; nodes that did not move are left alone so a click records nothing.
 */
export function moveNodes(session: Session, moves: readonly { id: string; position: Point }[], mergeKey: string, label = 'move'): void {
  session.edit(
    label,
    (d) => {
      for (const m of moves) {
        const n = d.nodes.find((k) => k.id === m.id);
        if (n && (n.position.x !== m.position.x || n.position.y !== m.position.y)) n.position = { x: m.position.x, y: m.position.y };
      }
    },
    mergeKey,
  );
}

let layouts = 0;

/** Moves every node to its laid-out position as one undo step. */
export function applyLayout(session: Session, positions: ReadonlyMap<string, Point>): void {
  moveNodes(session, [...positions].map(([id, position]) => ({ id, position })), `layout:${++layouts}`, 'auto layout');
}

/** Copies the selected nodes (and the wires among them) to the canvas clipboard; false when nothing is selected. */
export function copySelection(session: Session): boolean {
  const { history, selection } = session.state;
  if (selection.length === 0) return false;
  setClip(copyNodes(history.present, new Set(selection)));
  return true;
}

/** Pastes the clipboard, a step further each time, and selects the copies; false when the clipboard is empty. */
export function pasteFromClipboard(session: Session): boolean {
  const next = nextPaste();
  if (!next) return false;
  let ids: string[] = [];
  session.edit('paste', (d) => {
    ids = pasteClip(d as GraphFile, next.clip, next.offset);
  });
  session.select(ids);
  return true;
}

/** Duplicates the selected nodes one step away, without touching the clipboard; false when nothing is selected. */
export function duplicateSelection(session: Session): boolean {
  const { history, selection } = session.state;
  if (selection.length === 0) return false;
  const clip = copyNodes(history.present, new Set(selection));
  let ids: string[] = [];
  session.edit('duplicate', (d) => {
    ids = pasteClip(d as GraphFile, clip, { x: PASTE_STEP, y: PASTE_STEP });
  });
  session.select(ids);
  return true;
}

/** A React Flow change as far as selection cares. */
export interface SelectChangeLike {
  readonly type: string;
  readonly id?: string;
  readonly selected?: boolean;
}

/** Applies React Flow's `select` changes (the user's selection gestures) to the session's selection; other changes are ignored. */
export function applySelectChanges(session: Session, changes: readonly SelectChangeLike[]): void {
  const { selection } = session.state;
  const next = new Set(selection);
  for (const c of changes) {
    if (c.type !== 'select' || c.id === undefined) continue;
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  if (next.size !== selection.length || selection.some((id) => !next.has(id))) session.select([...next]);
}
