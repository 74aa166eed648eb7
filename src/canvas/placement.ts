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

/** A rectangle on the canvas, in flow coordinates. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Whether two boxes overlap, with `gap` of space required between them. */
export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/**
 * The top-left of a free spot for a node of `size` inside `view` (what the canvas shows), on
 * the grid, a grid step clear of every box in `taken`: the first found scanning columns from
 * the view's left edge, top to bottom. Null when the view has no room.
 */
export function freeSpotInView(view: Box, taken: readonly Box[], size: { readonly width: number; readonly height: number } = { width: NODE_WIDTH, height: NODE_HEIGHT }): Point | null {
  const start = snapToGrid({ x: view.x + GRID, y: view.y + GRID });
  for (let x = start.x; x + size.width <= view.x + view.width - GRID / 2; x += GRID) {
    for (let y = start.y; y + size.height <= view.y + view.height - GRID / 2; y += GRID) {
      const box = { x, y, ...size };
      if (!taken.some((t) => boxesOverlap(box, t, GRID))) return { x, y };
    }
  }
  return null;
}
