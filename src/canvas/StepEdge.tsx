import { memo, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { numbersJson } from '../format';
import { edgeKey, type EdgeView } from '../stepper/playback';
import { isEntering } from '../session/codeLink';
import './codeLink.css';
import { useSession } from '../session/useSession';
import { useLabelBoard } from './labelBoard';
import { labelOnDemand, labelSize, leaderEnd, wirePoints } from './labelPlacement';
import { MAX_LISTED } from './preview';
import { previewText } from './stepLabels';

/** How long a pulse takes to travel an edge, in seconds. */
const PULSE_SECONDS = 0.6;

/**
 * A wire, and during step-through what it carried: the value going forward (solid, blue,
 * round pulse source → target) or its own gradient contribution coming back (dashed, orange,
 * diamond pulse target → source). Each edge reads only its own view from the session.
 */
export const StepEdge = memo(function StepEdge(props: EdgeProps) {
  const { id, source, target, targetHandleId, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, interactionWidth, selected } = props;
  const port = targetHandleId ?? '';
  const view = useSession((s) => s.stepper.edges.get(edgeKey({ source, target, targetPort: port })));
  const [path] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const [hovered, setHovered] = useState(false);
  // A wire into a node the code just added draws itself in (its length measured as 1).
  const entering = useSession((s) => isEntering(s, target));
  return (
    <>
      <g onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
        <BaseEdge
          id={id}
          path={path}
          markerEnd={markerEnd}
          style={style}
          interactionWidth={interactionWidth}
          {...(entering ? { className: 'stepedge--entering', pathLength: 1 } : {})}
        />
      </g>
      {view && (
        <>
          <path className={`stepedge stepedge--${view.flow}${view.active ? ' stepedge--active' : ''}`} d={path} fill="none" />
          {view.active && <Pulse key={pulseKey(view)} path={path} flow={view.flow} />}
          <WireLabel id={id} view={view} path={path} shown={hovered || Boolean(selected)} to={`${target}.${port}`} testId={`edge.${source}.${target}.${port}`} />
        </>
      )}
    </>
  );
});

/**
 * The value a wire carried, as a pill placed where it covers no node (labelPlacement.ts): the
 * current wire's large, beside the wire with a leader line when the wire is too short; other
 * wires' small, and on a short wire only while the wire is hovered or selected. When several
 * wires are current at once (a value used twice), each label names the port it feeds (`m.a:`).
 */
function WireLabel({ id, view, path, shown, to, testId }: { id: string; view: EdgeView; path: string; shown: boolean; to: string; testId: string }) {
  const several = useSession((s) => countActive(s.stepper.edges) > 1);
  const arrow = view.flow === 'forward' ? '→ ' : '← ∂ ';
  const value = `${view.active && several ? `${to}: ` : ''}${previewText(view.shape, view.data)}`;
  const size = labelSize(arrow + value, view.active);
  const { width, height } = size;
  const board = useLabelBoard();
  useLayoutEffect(() => board.set(id, path, { width, height }, view.active), [board, id, path, width, height, view.active]);
  useLayoutEffect(() => () => board.remove(id), [board, id]);
  const placed = useSyncExternalStore(board.subscribe, () => board.spot(id)) ?? null;
  const wire = useMemo(() => wirePoints(path), [path]);
  const spot = placed ?? labelOnDemand(wire, size);
  const visible = placed !== null || shown;
  const leader = placed?.aside ? leaderEnd(placed) : null;
  return (
    <>
      {leader && <line className={`stepedge__leader stepedge__leader--${view.flow}`} x1={spot.anchor.x} y1={spot.anchor.y} x2={leader.x} y2={leader.y} />}
      <EdgeLabelRenderer>
        <div
          className={`stepedge__label stepedge__label--${view.flow}${view.active ? ' stepedge__label--active' : ''}${visible ? '' : ' stepedge__label--tucked'}`}
          style={{ transform: `translate(${spot.x}px, ${spot.y}px)`, width: size.width, height: size.height }}
          data-testid={testId}
          data-flow={view.flow}
          data-active={view.active}
          data-placement={placed === null ? 'on-demand' : placed.aside ? 'aside' : 'wire'}
          data-value={numbersJson(view.data, MAX_LISTED)}
        >
          <span aria-hidden="true">{arrow}</span>
          {value}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

// How many wires are current (lit) at this event.
function countActive(edges: ReadonlyMap<string, EdgeView>): number {
  let n = 0;
  for (const v of edges.values()) if (v.active) n++;
  return n;
}

const keys = new WeakMap<EdgeView, number>();
let nextKey = 1;
// A fresh key per view, so a pulse restarts each time its edge becomes active again.
function pulseKey(view: EdgeView): number {
  let k = keys.get(view);
  if (k === undefined) keys.set(view, (k = nextKey++));
  return k;
}

/** A marker that runs along the path once: a circle forward, a diamond backward (shape as well as colour). */
function Pulse({ path, flow }: { path: string; flow: EdgeView['flow'] }) {
  const motion = useRef<SVGAnimateMotionElement>(null);
  useLayoutEffect(() => {
    // Animations inserted after the page loaded begin only when told (begin="indefinite").
    motion.current?.beginElement?.();
  }, []);
  const backward = flow === 'backward';
  return (
    <g className={`stepedge__pulse stepedge__pulse--${flow}`} aria-hidden="true">
      {backward ? <rect x={-5} y={-5} width={10} height={10} transform="rotate(45)" /> : <circle r={5} />}
      <animateMotion ref={motion} begin="indefinite" dur={`${PULSE_SECONDS}s`} fill="freeze" path={path} keyPoints={backward ? '1;0' : '0;1'} keyTimes="0;1" calcMode="linear" />
    </g>
  );
}
