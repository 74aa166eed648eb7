import type { Box } from './minimapPlacement';
import { NODE_HEIGHT, NODE_WIDTH } from './placement';

/** What the box minimap needs of a node as React Flow keeps it. */
export interface MinimapNode {
  readonly hidden?: boolean;
  readonly measured: { readonly width?: number; readonly height?: number };
  readonly internals: { readonly positionAbsolute: { readonly x: number; readonly y: number } };
}

/** The nodes' boxes in flow coordinates (hidden ones left out) and the box around them all; null bounds when there are none. */
export function minimapBoxes(nodes: Iterable<MinimapNode>): { boxes: Box[]; bounds: Box | null } {
  const boxes: Box[] = [];
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    if (n.hidden) continue;
    const { x, y } = n.internals.positionAbsolute;
    const width = n.measured.width ?? NODE_WIDTH;
    const height = n.measured.height ?? NODE_HEIGHT;
    boxes.push({ x, y, width, height });
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + width);
    y1 = Math.max(y1, y + height);
  }
  return { boxes, bounds: boxes.length > 0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null };
}

/** Room around the drawing, in minimap px (React Flow's MiniMap keeps the same). */
const OFFSET_PX = 5;

/**
 * The part of the flow a minimap of `size` px shows, as React Flow's MiniMap frames it: the
 * nodes and the view on screen together, centred, with a margin; `unitsPerPx` is flow units
 * per minimap pixel.
 */
export function minimapFrame(bounds: Box | null, view: Box, size: { width: number; height: number }): Box & { unitsPerPx: number } {
  const all = bounds
    ? { x: Math.min(bounds.x, view.x), y: Math.min(bounds.y, view.y), right: Math.max(bounds.x + bounds.width, view.x + view.width), bottom: Math.max(bounds.y + bounds.height, view.y + view.height) }
    : { x: view.x, y: view.y, right: view.x + view.width, bottom: view.y + view.height };
  const w = all.right - all.x;
  const h = all.bottom - all.y;
  const scale = Math.max(w / size.width, h / size.height);
  const offset = OFFSET_PX * scale;
  const width = scale * size.width + 2 * offset;
  const height = scale * size.height + 2 * offset;
  return { x: all.x - (scale * size.width - w) / 2 - offset, y: all.y - (scale * size.height - h) / 2 - offset, width, height, unitsPerPx: width / size.width };
}
