/** A rectangle: in flow coordinates for a node, in pane pixels for the minimap. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The corners of the canvas the minimap may take, in the order it tries them. */
export const MINIMAP_CORNERS = ['bottom-right', 'top-right'] as const;

/** Where the minimap sits, or null when it would cover a node in every corner (it is hidden). */
export type MinimapCorner = (typeof MINIMAP_CORNERS)[number] | null;

/** Room kept around the minimap, in px: React Flow's panel margin plus a gap from the nodes. */
const MARGIN = 15;
const GAP = 6;

/** A corner of the canvas a panel may take. */
export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/**
 * The first corner where the minimap covers no node on screen, or null. The dock below the
 * canvas and stepping shrink the pane, and the minimap must never hide the loss or the
 * highlighted node and its value, so it moves, then gives way.
 */
export function minimapCorner(nodes: readonly Box[], viewport: { x: number; y: number; zoom: number }, pane: { width: number; height: number }, map: { width: number; height: number }): MinimapCorner {
  return freeCorner(nodes, viewport, pane, map, MINIMAP_CORNERS) as MinimapCorner;
}

/** The first of `corners` where a panel of `size` (plus React Flow's margin and a gap) covers no node on screen, or null. */
export function freeCorner(nodes: readonly Box[], viewport: { x: number; y: number; zoom: number }, pane: { width: number; height: number }, size: { width: number; height: number }, corners: readonly Corner[]): Corner | null {
  const onScreen = nodes.map((n) => ({ x: n.x * viewport.zoom + viewport.x, y: n.y * viewport.zoom + viewport.y, width: n.width * viewport.zoom, height: n.height * viewport.zoom }));
  for (const corner of corners) {
    const x = corner.endsWith('left') ? 0 : pane.width - MARGIN - size.width - GAP;
    const y = corner.startsWith('top') ? 0 : pane.height - MARGIN - size.height - GAP;
    const box = { x, y, width: size.width + MARGIN + GAP, height: size.height + MARGIN + GAP };
    if (!onScreen.some((n) => overlaps(n, box))) return corner;
  }
  return null;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
