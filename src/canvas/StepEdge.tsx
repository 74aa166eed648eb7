import { memo, useLayoutEffect, useRef } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { numbersJson } from '../format';
import { edgeKey, type EdgeView } from '../stepper/playback';
import { useSession } from '../session/useSession';
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
  const { id, source, target, targetHandleId, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style, interactionWidth } = props;
  const port = targetHandleId ?? '';
  const view = useSession((s) => s.stepper.edges.get(edgeKey({ source, target, targetPort: port })));
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {view && (
        <>
          <path className={`stepedge stepedge--${view.flow}${view.active ? ' stepedge--active' : ''}`} d={path} fill="none" />
          {view.active && <Pulse key={pulseKey(view)} path={path} flow={view.flow} />}
          <EdgeLabelRenderer>
            <div
              className={`stepedge__label stepedge__label--${view.flow}${view.active ? ' stepedge__label--active' : ''}`}
              style={{ transform: `translate(-50%, -100%) translate(${labelX}px, ${labelY - 6}px)` }}
              data-testid={`edge.${source}.${target}.${port}`}
              data-flow={view.flow}
              data-active={view.active}
              data-value={numbersJson(view.data, MAX_LISTED)}
            >
              <span aria-hidden="true">{view.flow === 'forward' ? '→ ' : '← ∂ '}</span>
              {previewText(view.shape, view.data)}
            </div>
          </EdgeLabelRenderer>
        </>
      )}
    </>
  );
});

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
