import { create } from 'zustand';

/** A request from outside the canvas (a lesson's set-up) to fit the view; `seq` makes a repeated request count. */
export interface FitRequest {
  /** The nodes to keep in view when the whole graph cannot be shown at the minimum fit zoom. */
  readonly focus: readonly string[];
  readonly seq: number;
}

/** The latest fit request; null before any. */
export const useFitRequest = create<{ request: FitRequest | null }>()(() => ({ request: null }));

/** Asks the canvas to fit the view to the graph, or, when it cannot fit, to centre on `focus`. */
export function requestFit(focus: readonly string[]): void {
  useFitRequest.setState((s) => ({ request: { focus: [...focus], seq: (s.request?.seq ?? 0) + 1 } }));
}

/** A box in flow coordinates. */
export interface Box {
  readonly width: number;
  readonly height: number;
}

/**
 * The zoom at which a fit shows the whole box in a canvas of `width × height` pixels with
 * `padding` (a share of the box, as React Flow's fitView pads it).
 */
export function zoomToFit(box: Box, width: number, height: number, padding: number): number {
  if (box.width <= 0 || box.height <= 0) return Infinity;
  return Math.min(width / (box.width * (1 + padding)), height / (box.height * (1 + padding)));
}

/**
 * The nodes a requested fit shows: every node when the graph fits at `minZoom` (or nothing
 * is focused), else the focused nodes that are on the canvas, centred at the minimum zoom.
 */
export function nodesToFit(graph: Box, ids: readonly string[], focus: readonly string[], size: { width: number; height: number }, fit: { padding: number; minZoom: number }): readonly string[] {
  const onCanvas = focus.filter((id) => ids.includes(id));
  if (onCanvas.length === 0 || zoomToFit(graph, size.width, size.height, fit.padding) >= fit.minZoom) return ids;
  return onCanvas;
}
