import { MiniMap, type ReactFlowState, useStore } from '@xyflow/react';
import { BoxMiniMap } from './BoxMiniMap';
import { DRAW_ALL_UP_TO } from './flowElements';
import { minimapCorner, type MinimapCorner } from './minimapPlacement';
import { nodeBoxesOnScreen } from './boxesOnScreen';

/** Small enough that the minimap fits a corner of the canvas on a laptop screen. */
const MINIMAP_SIZE = { width: 140, height: 90 } as const;

// Returns a string, so React Flow's store re-renders the minimap only when its corner changes. Only nodes on screen can be under it.
function cornerOf(s: ReactFlowState): MinimapCorner {
  const [x, y, zoom] = s.transform;
  return minimapCorner(nodeBoxesOnScreen(s), { x, y, zoom }, { width: s.width, height: s.height }, MINIMAP_SIZE);
}

// A boolean, so the minimap changes kind only when the graph crosses the size where the canvas draws only what is on screen.
const isLarge = (s: ReactFlowState) => s.nodeLookup.size > DRAW_ALL_UP_TO;

/**
 * The canvas minimap, in the first corner where it covers no node; hidden when every corner
 * would. A large graph's is painted as boxes in one canvas (BoxMiniMap), so a pan redraws only
 * the view's frame, not thousands of node shapes.
 */
export function PlacedMiniMap() {
  const corner = useStore(cornerOf);
  const large = useStore(isLarge);
  if (corner === null) return null;
  if (large) return <BoxMiniMap position={corner} size={MINIMAP_SIZE} />;
  return <MiniMap pannable zoomable nodeStrokeWidth={3} style={MINIMAP_SIZE} position={corner} />;
}
