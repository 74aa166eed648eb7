import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { addOpNode } from '../canvas/editActions';
import { useSessionApi } from '../session/useSession';

/** The centre of the visible canvas in screen pixels; the window's centre when the canvas is not on the page. */
function canvasCentre(): { x: number; y: number } {
  const r = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
  if (r && r.width > 0 && r.height > 0) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  return { x: window.innerWidth / 2, y: window.innerHeight / 2 };
}

/** Adds a node at the centre of what the canvas shows (the keyboard's alternative to a drop, placed by the same rule); returns the new id, null for an unknown op. */
export function useAddAtCentre(): (op: string) => string | null {
  const { screenToFlowPosition } = useReactFlow();
  const session = useSessionApi();
  return useCallback((op: string) => addOpNode(session, op, screenToFlowPosition(canvasCentre(), { snapToGrid: false })), [screenToFlowPosition, session]);
}
