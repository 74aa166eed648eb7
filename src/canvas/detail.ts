import type { ReactFlowState } from '@xyflow/react';

/**
 * Below this zoom a node is drawn as a labelled box: its name, op and ports, without value
 * and gradient previews or step lines (too small to read there, and costly by the thousand).
 */
export const DETAIL_ZOOM = 0.5;

/** React Flow store selector: true while the canvas is zoomed out below DETAIL_ZOOM. A boolean, so a node re-renders only when the zoom crosses it. */
export function zoomedOut(s: ReactFlowState): boolean {
  return s.transform[2] < DETAIL_ZOOM;
}
