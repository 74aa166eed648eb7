import { create } from 'zustand';

/** A request from outside the canvas (a lesson's set-up) to fit the view. */
export interface FitRequest {
  /** The nodes to keep in view when the whole graph cannot be shown at the minimum fit zoom. */
  readonly focus: readonly string[];
  /** The request's number: requests are numbered as they are asked for, so a repeated one counts. */
  readonly seq: number;
  /** The learner's count of view moves when the fit was asked for. */
  readonly moves: number;
}

interface FitRequests {
  /** The latest request handed to the canvas; null before any. */
  readonly request: FitRequest | null;
  /** How often the learner has moved the view (panned, zoomed, fitted, tidied). */
  readonly learnerMoves: number;
  /** The number of the latest request asked for, and of the latest carried out or dropped. */
  readonly asked: number;
  readonly answered: number;
}

/** Fit requests from outside the canvas, and the learner's moves that cancel them. */
export const useFitRequest = create<FitRequests>()(() => ({ request: null, learnerMoves: 0, asked: 0, answered: 0 }));

/**
 * Asks the canvas to fit the view to the graph, or, when it cannot fit, to centre on `focus`,
 * once `ready` settles (a lesson's set-up has run and the panels whose layout the fit depends
 * on are here); `ready` giving false cancels it, as does a move of the view by the learner
 * since the asking: the view stays where they put it. A `ready` that fails still fits.
 */
export function requestFit(focus: readonly string[], ready: Promise<boolean> = Promise.resolve(true)): void {
  const { learnerMoves: moves, asked } = useFitRequest.getState();
  const seq = asked + 1;
  useFitRequest.setState({ asked: seq });
  const handOver = (carryOut: boolean) => {
    if (carryOut && isStillWanted({ moves })) useFitRequest.setState({ request: { focus: [...focus], seq, moves } });
    else fitAnswered(seq);
  };
  void ready.then(handOver, () => handOver(true));
}

/** Notes that request `seq` (and every one before it) was carried out or dropped. */
export function fitAnswered(seq: number): void {
  useFitRequest.setState((s) => ({ answered: Math.max(s.answered, seq) }));
}

/** True while a requested fit has been neither carried out nor dropped: the view may still move. */
export function isFitPending(s: FitRequests): boolean {
  return s.asked > s.answered;
}

/** Notes that the learner moved the view (pan, zoom, the fit or layout button): fits asked for before it are not carried out. */
export function noteLearnerMove(): void {
  useFitRequest.setState((s) => ({ learnerMoves: s.learnerMoves + 1 }));
}

/** True while the learner has not moved the view since `request` was asked for. */
export function isStillWanted(request: Pick<FitRequest, 'moves'>): boolean {
  return useFitRequest.getState().learnerMoves === request.moves;
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
