import { MiniMap, type ReactFlowState, useStore } from '@xyflow/react';
import { minimapCorner, type MinimapCorner } from './minimapPlacement';
import { NODE_HEIGHT, NODE_WIDTH } from './placement';

/** Small enough that the minimap fits a corner of the canvas on a laptop screen. */
const MINIMAP_SIZE = { width: 140, height: 90 } as const;

// Returns a string, so React Flow's store re-renders the minimap only when its corner changes.
function cornerOf(s: ReactFlowState): MinimapCorner {
  const boxes = [...s.nodeLookup.values()].map((n) => ({
    x: n.internals.positionAbsolute.x,
    y: n.internals.positionAbsolute.y,
    width: n.measured.width ?? NODE_WIDTH,
    height: n.measured.height ?? NODE_HEIGHT,
  }));
  const [x, y, zoom] = s.transform;
  return minimapCorner(boxes, { x, y, zoom }, { width: s.width, height: s.height }, MINIMAP_SIZE);
}

/** The canvas minimap, in the first corner where it covers no node; hidden when every corner would. */
export function PlacedMiniMap() {
  const corner = useStore(cornerOf);
  if (corner === null) return null;
  return <MiniMap pannable zoomable nodeStrokeWidth={3} style={MINIMAP_SIZE} position={corner} />;
}
