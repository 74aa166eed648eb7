import dagre from '@dagrejs/dagre';

/** A node to place: its id and its drawn size (measured by React Flow, or a default before that). */
export interface LayoutBox {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/** A wire between two nodes, as far as layout cares. */
export interface LayoutLink {
  readonly source: string;
  readonly target: string;
}

/** Spacing of the layout, in flow pixels. */
export interface LayoutOptions {
  /** Positions are rounded to this grid so laid-out nodes stay on the canvas's snap grid. */
  readonly grid: number;
  /** Gap between columns (ranks). */
  readonly rankGap: number;
  /** Gap between nodes in one column. */
  readonly nodeGap: number;
}

/** The canvas's default spacing: one grid step is 20 px. */
const DEFAULT_LAYOUT: LayoutOptions = { grid: 20, rankGap: 80, nodeGap: 40 };

/**
 * Top-left positions that lay the graph out left to right (data flows rightwards, as on a
 * whiteboard), snapped to the grid. Wires to nodes not in `boxes` are ignored; the graph
 * is acyclic by construction, and dagre copes if it is not.
 */
export function layoutLeftToRight(
  boxes: readonly LayoutBox[],
  links: readonly LayoutLink[],
  options: LayoutOptions = DEFAULT_LAYOUT,
): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', ranksep: options.rankGap, nodesep: options.nodeGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const b of boxes) g.setNode(b.id, { width: b.width, height: b.height });
  for (const l of links) if (g.hasNode(l.source) && g.hasNode(l.target)) g.setEdge(l.source, l.target);
  dagre.layout(g);
  const snap = (v: number) => Math.round(v / options.grid) * options.grid;
  const out = new Map<string, { x: number; y: number }>();
  // dagre gives centres; React Flow positions are top-left corners.
  for (const b of boxes) {
    const { x, y } = g.node(b.id) as { x: number; y: number };
    out.set(b.id, { x: snap(x - b.width / 2), y: snap(y - b.height / 2) });
  }
  return out;
}
