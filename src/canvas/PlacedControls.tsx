import type { ReactNode } from 'react';
import { Controls, type ReactFlowState, useStore } from '@xyflow/react';
import { type Corner, freeCorner } from './minimapPlacement';
import { NODE_HEIGHT, NODE_WIDTH } from './placement';

/** The zoom and layout buttons as a column, and as a row, in px (five React Flow buttons and their borders). */
const COLUMN = { width: 28, height: 140 } as const;
const ROW = { width: 140, height: 28 } as const;
/** Where the buttons may go, in order: they stay on the left, beside the palette. */
const CONTROLS_CORNERS: readonly Corner[] = ['bottom-left', 'top-left'];

// Returns a string, so React Flow's store re-renders the buttons only when their place changes.
function placeOf(s: ReactFlowState): `${Corner} ${'vertical' | 'horizontal'}` {
  const boxes = [...s.nodeLookup.values()].map((n) => ({
    x: n.internals.positionAbsolute.x,
    y: n.internals.positionAbsolute.y,
    width: n.measured.width ?? NODE_WIDTH,
    height: n.measured.height ?? NODE_HEIGHT,
  }));
  const [x, y, zoom] = s.transform;
  const viewport = { x, y, zoom };
  const pane = { width: s.width, height: s.height };
  const column = freeCorner(boxes, viewport, pane, COLUMN, CONTROLS_CORNERS);
  if (column) return `${column} vertical`;
  const row = freeCorner(boxes, viewport, pane, ROW, CONTROLS_CORNERS);
  return row ? `${row} horizontal` : 'bottom-left vertical';
}

/**
 * The canvas's zoom, fit and layout buttons, in the first left corner where they cover no
 * node: as a column, else as a row; bottom left when nothing is free.
 */
export function PlacedControls({ children }: { children: ReactNode }) {
  const [corner, orientation] = useStore(placeOf).split(' ') as [Corner, 'vertical' | 'horizontal'];
  return (
    <Controls position={corner} orientation={orientation}>
      {children}
    </Controls>
  );
}
