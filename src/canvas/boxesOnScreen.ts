import type { ReactFlowState } from '@xyflow/react';
import type { Box } from './minimapPlacement';
import { NODE_HEIGHT, NODE_WIDTH } from './placement';

/** The part of the canvas on screen, in flow coordinates; null before React Flow has measured its pane. */
export function visibleRect(s: ReactFlowState): Box | null {
  const [x, y, zoom] = s.transform;
  if (!(s.width > 0 && s.height > 0 && zoom > 0)) return null;
  return { x: -x / zoom, y: -y / zoom, width: s.width / zoom, height: s.height / zoom };
}

/**
 * The boxes (flow coordinates) of the nodes at least partly on screen. The panels that keep
 * clear of nodes read these on every store update, panning included, so nodes off screen
 * are passed over without a box being made (a graph may have 10,000 nodes).
 */
export function nodeBoxesOnScreen(s: ReactFlowState): Box[] {
  const view = visibleRect(s);
  const boxes: Box[] = [];
  if (!view) return boxes;
  for (const n of s.nodeLookup.values()) {
    const { x, y } = n.internals.positionAbsolute;
    const width = n.measured.width ?? NODE_WIDTH;
    const height = n.measured.height ?? NODE_HEIGHT;
    if (x < view.x + view.width && view.x < x + width && y < view.y + view.height && view.y < y + height) boxes.push({ x, y, width, height });
  }
  return boxes;
}
