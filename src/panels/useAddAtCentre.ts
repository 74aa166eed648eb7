import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useSessionApi } from '../session/useSession';
import { addNodeAt } from './addNode';

/** The centre of the visible canvas in screen pixels; the window's centre when the canvas is not on the page. */
function canvasCentre(): { x: number; y: number } {
  const r = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
  if (r && r.width > 0 && r.height > 0) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  return { x: window.innerWidth / 2, y: window.innerHeight / 2 };
}

/** Adds a node at the centre of what the canvas shows (the keyboard's alternative to a drop); returns the new id. */
export function useAddAtCentre(): (op: string) => string {
  const { screenToFlowPosition } = useReactFlow();
  const session = useSessionApi();
  return useCallback((op: string) => addNodeAt(session, op, screenToFlowPosition(canvasCentre())), [screenToFlowPosition, session]);
}
