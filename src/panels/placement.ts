/** A point on the canvas, in flow coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** About half a node's size: a node placed "at the centre" has its middle there, not its corner. */
export const NODE_HALF: Point = { x: 80, y: 40 };

/** How far a node added on top of another is nudged, down and right, so both stay visible. */
export const NUDGE = 24;

/** Where a node added with its middle at `centre` goes: rounded, and nudged off any node already there. */
export function placeAtCentre(centre: Point, taken: readonly Point[]): Point {
  let p = { x: Math.round(centre.x - NODE_HALF.x), y: Math.round(centre.y - NODE_HALF.y) };
  for (let k = 0; k < 100 && taken.some((q) => Math.abs(q.x - p.x) < NUDGE / 2 && Math.abs(q.y - p.y) < NUDGE / 2); k++) {
    p = { x: p.x + NUDGE, y: p.y + NUDGE };
  }
  return p;
}
