import { type RefObject, useEffect, useRef } from 'react';
import { type FitViewOptions, useReactFlow, useStore } from '@xyflow/react';
import { useSessionApi } from '../session/useSession';
import { fitAnswered, isStillWanted, nodesToFit, useFitRequest } from './fitRequest';

/** Frames to wait for the nodes of a newly opened graph to be measured before fitting. */
const MAX_WAIT_FRAMES = 60;

/**
 * Carries out fit requests (a lesson setting up the canvas) inside the canvas beside the
 * Lessons panel: the whole graph when it fits at the fit's minimum zoom, else the nodes the
 * step points at, centred. Waits until every node is measured, so a graph just opened fits too.
 * Takes the canvas's fit number, so the canvas's own fit of that graph, still under way, does not move the view after it.
 * A request the learner has moved the view since (panned, zoomed, pressed Fit) is dropped.
 * Each request is answered (carried out or dropped), so the canvas can say when its view is settled.
 */
export function useFitRequests(fit: FitViewOptions & { padding: number; minZoom: number }, fitGeneration: RefObject<number>): void {
  const flow = useReactFlow();
  const session = useSessionApi();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const size = useRef({ width, height });
  size.current = { width, height };
  const request = useFitRequest((s) => s.request);
  // A request made before the canvas mounted is not replayed: the canvas fits its first graph itself.
  const done = useRef(request?.seq ?? 0);
  useEffect(() => fitAnswered(done.current), []);
  useEffect(() => {
    if (!request || request.seq <= done.current) return;
    let frame = 0;
    let handle = 0;
    const answer = () => {
      done.current = request.seq;
      fitAnswered(request.seq);
    };
    const attempt = () => {
      if (!isStillWanted(request)) return answer();
      const nodes = flow.getNodes();
      const measured = nodes.every((n) => n.measured?.width && n.measured?.height);
      if (!measured && ++frame < MAX_WAIT_FRAMES) {
        handle = requestAnimationFrame(attempt);
        return;
      }
      if (nodes.length === 0) return answer();
      const all = nodes.map((n) => n.id);
      const ids = nodesToFit(flow.getNodesBounds(nodes), all, request.focus, size.current, fit);
      // The focused nodes are centred at the minimum zoom, so as much of the graph as can be shows around them.
      const zoom = ids === all ? {} : { maxZoom: fit.minZoom };
      fitGeneration.current += 1;
      // Answered as the view starts moving: a test waiting for the view to settle sees it move from here.
      void flow.fitView({ ...fit, ...zoom, nodes: ids.map((id) => ({ id })) }).then(() => session.setViewport(flow.getViewport()));
      answer();
    };
    // Two frames: the canvas's own fit of a newly opened graph goes first.
    handle = requestAnimationFrame(() => (handle = requestAnimationFrame(attempt)));
    // A cancelled wait (a newer request, or React's second run of effects in development) leaves the request to the next run.
    return () => cancelAnimationFrame(handle);
  }, [request, flow, session, fit, fitGeneration]);
}
