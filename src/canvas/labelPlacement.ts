import { BoxGrid } from './boxGrid';
import type { Box } from './minimapPlacement';
import type { Point } from './placement';

/** A label's width and height, in flow px. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Where a wire's label goes: its box (top-left and size, flow px), the wire point it belongs to, and whether it sits beside the wire (drawn with a leader line). */
export interface LabelSpot extends Box {
  readonly anchor: Point;
  readonly aside: boolean;
}

/** Room kept between a label and a node, in flow px. */
const MARGIN = 4;
/** Gap between a label above or below its wire and the wire. */
const GAP = 3;
/** Where along the wire a label is tried, as fractions of its length: the middle first. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
/** How far beside the wire a label may move (the current wire's only), in flow px, and the step it moves by. */
const ASIDE_MAX = 320;
const ASIDE_STEP = 8;

/**
 * Where a wire's value label goes so that it covers no node: at a free point along the wire
 * (above it, below it, or on it, the middle first), or for the current wire (`aside`), the
 * nearest free place straight above or below the wire's middle; inside `view` (the part of
 * the canvas on screen) when given. Null when there is none: the label is then shown only on
 * demand (hover, selection).
 */
export function placeLabel(wire: readonly Point[], size: Size, nodes: readonly Box[], aside: boolean, view?: Box): LabelSpot | null {
  if (wire.length === 0) return null;
  const free = (b: Box) => (view === undefined || inside(b, view)) && !nodes.some((n) => overlaps(b, inflate(n, MARGIN)));
  const box = (anchor: Point, y: number, beside: boolean): LabelSpot => ({ x: anchor.x - size.width / 2, y, width: size.width, height: size.height, anchor, aside: beside });
  for (const t of ALONG) {
    const p = pointAlong(wire, t);
    for (const y of [p.y - GAP - size.height, p.y + GAP, p.y - size.height / 2]) {
      const spot = box(p, y, false);
      if (free(spot)) return spot;
    }
  }
  if (!aside) return null;
  const mid = pointAlong(wire, 0.5);
  for (let d = ASIDE_STEP; d <= ASIDE_MAX; d += ASIDE_STEP) {
    for (const y of [mid.y - d - size.height, mid.y + d]) {
      const spot = box(mid, y, true);
      if (free(spot)) return spot;
    }
  }
  return null;
}

/** One wire's request for a label: the wire's points, the label's size, and whether it is a current wire's. */
export interface LabelRequest {
  readonly id: string;
  readonly wire: readonly Point[];
  readonly size: Size;
  readonly active: boolean;
}

/**
 * Places every wire's label clear of the nodes and of each other: the current wires' first
 * (a node's value can flow along several at once, and each may move beside its wire), then
 * the others, each group in id order so the result does not depend on render order.
 */
export function placeLabels(requests: readonly LabelRequest[], nodes: readonly Box[], view?: Box): Map<string, LabelSpot | null> {
  const order = [...requests].sort((a, b) => Number(b.active) - Number(a.active) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new BoxGrid(nodes);
  const spots = new Map<string, LabelSpot | null>();
  for (const r of order) {
    // Only what lies within the label's reach can be in its way (placed every frame while playing; a graph may have 10,000 nodes).
    const reach = inflate(bounds(r.wire), ASIDE_MAX + r.size.width + r.size.height + MARGIN);
    const spot = placeLabel(r.wire, r.size, taken.near(reach), r.active, view);
    spots.set(r.id, spot);
    if (spot) taken.add(spot);
  }
  return spots;
}

/** Where a label goes when asked for (hover, selection) although it covers something: above the wire's middle. */
export function labelOnDemand(wire: readonly Point[], size: Size): LabelSpot {
  const p = wire.length > 0 ? pointAlong(wire, 0.5) : { x: 0, y: 0 };
  return { x: p.x - size.width / 2, y: p.y - GAP - size.height, width: size.width, height: size.height, anchor: p, aside: false };
}

/** The end of a leader line on a label beside its wire: the middle of the label's edge facing the wire. */
export function leaderEnd(spot: LabelSpot): Point {
  const above = spot.y + spot.height <= spot.anchor.y;
  return { x: spot.x + spot.width / 2, y: above ? spot.y + spot.height : spot.y };
}

/**
 * Points along an SVG wire path as React Flow draws it: `M x,y C x,y x,y x,y` (a cubic Bézier),
 * sampled at `samples` + 1 points; any other path is read as a straight line from its first
 * point to its last.
 */
export function wirePoints(path: string, samples = 24): Point[] {
  const n = (path.match(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi) ?? []).map(Number);
  if (n.length < 4) return [];
  const cubic = /^\s*M[^C]*C/i.test(path) && n.length === 8;
  const [x0, y0] = n;
  const [x3, y3] = n.slice(-2);
  const [x1, y1, x2, y2] = cubic ? n.slice(2, 6) : [x0, y0, x3, y3];
  const points: Point[] = [];
  for (let i = 0; i <= samples; i++) {
    const t = i / samples;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const d = t * t * t;
    points.push({ x: a * x0 + b * x1 + c * x2 + d * x3, y: a * y0 + b * y1 + c * y2 + d * y3 });
  }
  return points;
}

/** The point a fraction `t` of the way along a polyline, by length. */
export function pointAlong(points: readonly Point[], t: number): Point {
  const lengths = [0];
  for (let i = 1; i < points.length; i++) lengths.push(lengths[i - 1] + Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y));
  const total = lengths[lengths.length - 1];
  if (total === 0) return points[0];
  const at = t * total;
  let i = 1;
  while (i < points.length - 1 && lengths[i] < at) i++;
  const f = (at - lengths[i - 1]) / (lengths[i] - lengths[i - 1] || 1);
  return { x: points[i - 1].x + f * (points[i].x - points[i - 1].x), y: points[i - 1].y + f * (points[i].y - points[i - 1].y) };
}

function inflate(b: Box, m: number): Box {
  return { x: b.x - m, y: b.y - m, width: b.width + 2 * m, height: b.height + 2 * m };
}

function bounds(points: readonly Point[]): Box {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

function inside(a: Box, b: Box): boolean {
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A wire label's type: monospace at a small size, the current wire's larger (canvas.css, `.stepedge__label`). */
const LABEL_FONT = { small: { size: 10, line: 14 }, large: { size: 13, line: 17 } } as const;
/** A monospace character's advance, in em (DejaVu Sans Mono and SF Mono are 0.6; a little room for others). */
const CHAR_EM = 0.62;
/** A label's padding plus border, in px: horizontal on each side, vertical on each side. */
const LABEL_PAD = { x: 6, y: 2 };

/** The box a wire label's text takes (its size is set to this, so what is placed is what is drawn). */
export function labelSize(text: string, large: boolean): Size {
  const font = large ? LABEL_FONT.large : LABEL_FONT.small;
  return { width: Math.ceil([...text].length * font.size * CHAR_EM) + 2 * LABEL_PAD.x, height: font.line + 2 * LABEL_PAD.y };
}
