import type { GraphFile } from '../../engine';

/** The canvas snap grid, in flow px. */
export const GRID = 20;

/** A node's drawn width (fixed in canvas.css, so drops and layout can use it before React Flow measures). */
export const NODE_WIDTH = 176;

/** A typical node height, for layout before a node has been measured. */
export const NODE_HEIGHT = 110;

/** Rounds a point to the grid. */
export function snapToGrid(p: { x: number; y: number }, grid: number = GRID): { x: number; y: number } {
  return { x: Math.round(p.x / grid) * grid, y: Math.round(p.y / grid) * grid };
}

/** Where a new node's top-left goes so that `point` (the drop point) falls on its title bar, centred. */
export function nodeTopLeftAt(point: { x: number; y: number }): { x: number; y: number } {
  return snapToGrid({ x: point.x - NODE_WIDTH / 2, y: point.y - GRID });
}

/** `p`, or the first spot down and to the right of it that no node's top-left already occupies (keyboard adds would stack). */
export function freeSpot(doc: GraphFile, p: { x: number; y: number }): { x: number; y: number } {
  const taken = new Set(doc.nodes.map((n) => `${n.position.x},${n.position.y}`));
  let at = p;
  while (taken.has(`${at.x},${at.y}`)) at = { x: at.x + 2 * GRID, y: at.y + 2 * GRID };
  return at;
}
