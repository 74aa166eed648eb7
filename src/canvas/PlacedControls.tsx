import type { ReactNode } from 'react';
import { ControlButton, Controls, type ReactFlowState, useStore } from '@xyflow/react';
import { useT } from '../i18n/useT';
import { type Corner, freeCorner } from './minimapPlacement';
import { nodeBoxesOnScreen } from './boxesOnScreen';
import { noteLearnerMove } from './fitRequest';

/** The zoom and layout buttons as a column, and as a row, in px (five React Flow buttons and their borders). */
const COLUMN = { width: 28, height: 140 } as const;
const ROW = { width: 140, height: 28 } as const;
/** Where the buttons may go, in order: they stay on the left, beside the palette. */
const CONTROLS_CORNERS: readonly Corner[] = ['bottom-left', 'top-left'];

// Returns a string, so React Flow's store re-renders the buttons only when their place changes. Only nodes on screen can be under them.
function placeOf(s: ReactFlowState): `${Corner} ${'vertical' | 'horizontal'}` {
  const boxes = nodeBoxesOnScreen(s);
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
 * node: as a column, else as a row; bottom left when nothing is free. Zooming here is the
 * learner's own move of the view.
 */
export function PlacedControls({ onFit, children }: { onFit: () => void; children: ReactNode }) {
  const t = useT();
  const [corner, orientation] = useStore(placeOf).split(' ') as [Corner, 'vertical' | 'horizontal'];
  // The canvas's own fit (whole graph from 0.8×, else its input side), in place of React Flow's.
  return (
    <Controls position={corner} orientation={orientation} showFitView={false} onZoomIn={noteLearnerMove} onZoomOut={noteLearnerMove}>
      <ControlButton className="react-flow__controls-fitview" onClick={onFit} title={t('canvas.rf.fitView')} aria-label={t('canvas.rf.fitView')}>
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 30" aria-hidden="true">
          <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
        </svg>
      </ControlButton>
      {children}
    </Controls>
  );
}
