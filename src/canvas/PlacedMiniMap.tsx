import { MiniMap, type ReactFlowState, useStore } from '@xyflow/react';
import { minimapCorner, type MinimapCorner } from './minimapPlacement';
import { nodeBoxesOnScreen } from './boxesOnScreen';

/** Small enough that the minimap fits a corner of the canvas on a laptop screen. */
const MINIMAP_SIZE = { width: 140, height: 90 } as const;

// Returns a string, so React Flow's store re-renders the minimap only when its corner changes. Only nodes on screen can be under it.
function cornerOf(s: ReactFlowState): MinimapCorner {
  const [x, y, zoom] = s.transform;
  return minimapCorner(nodeBoxesOnScreen(s), { x, y, zoom }, { width: s.width, height: s.height }, MINIMAP_SIZE);
}

/** The canvas minimap, in the first corner where it covers no node; hidden when every corner would. */
export function PlacedMiniMap() {
  const corner = useStore(cornerOf);
  if (corner === null) return null;
  return <MiniMap pannable zoomable nodeStrokeWidth={3} style={MINIMAP_SIZE} position={corner} />;
}
