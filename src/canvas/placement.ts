/** A point on the canvas, in flow coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The canvas snap grid, in flow px. */
export const GRID = 20;

/** A node's drawn width (fixed in canvas.css, so drops and layout can use it before React Flow measures). */
export const NODE_WIDTH = 176;

/** A typical node height, for layout before a node has been measured. */
export const NODE_HEIGHT = 110;

/** How far a new node added on top of another moves, down and right: two grid steps, so it stays on the grid and both stay visible. */
export const NUDGE = 2 * GRID;

/** Rounds a point to the grid. */
export function snapToGrid(p: Point, grid: number = GRID): Point {
  return { x: Math.round(p.x / grid) * grid, y: Math.round(p.y / grid) * grid };
}

/** Where a new node's top-left goes so that `point` (where the user dropped it, or the canvas centre) falls on its title bar, centred. */
export function nodeTopLeftAt(point: Point): Point {
  return snapToGrid({ x: point.x - NODE_WIDTH / 2, y: point.y - GRID });
}

/** `p`, or the first spot down and to the right of it with no node's top-left within a grid step (adds at the centre would stack). */
export function freeSpot(p: Point, taken: readonly Point[]): Point {
  const near = (a: Point) => taken.some((q) => Math.abs(q.x - a.x) < GRID && Math.abs(q.y - a.y) < GRID);
  let at = p;
  for (let k = 0; k < 100 && near(at); k++) at = { x: at.x + NUDGE, y: at.y + NUDGE };
  return at;
}
