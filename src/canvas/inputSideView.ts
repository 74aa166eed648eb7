import type { Viewport } from '../session/types';

/** A box in flow coordinates. */
interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where a fitted view should move when the graph did not fit at the minimum zoom: React Flow
 * centres it, which cuts off the input side; this keeps the zoom and puts the graph's left
 * edge (its inputs, where a graph is read from) `margin` px inside the canvas (clear of the
 * zoom buttons there), so the cut falls on the far right. Null when the view was not clamped or the graph fits across.
 */
export function inputSideView(bounds: Bounds, canvasWidth: number, fitted: Viewport, minZoom: number, padding: number, margin: number): Viewport | null {
  if (fitted.zoom > minZoom + 1e-6) return null;
  if (bounds.width * fitted.zoom * (1 + padding) <= canvasWidth) return null;
  return { x: margin - bounds.x * fitted.zoom, y: fitted.y, zoom: fitted.zoom };
}
