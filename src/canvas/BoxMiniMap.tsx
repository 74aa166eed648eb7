import { useEffect, useMemo, useRef } from 'react';
import { Panel, type PanelPosition, type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import { useT } from '../i18n/useT';
import { visibleRect } from './boxesOnScreen';
import { minimapBoxes, minimapFrame } from './boxMinimap';

const selectNodes = (s: ReactFlowState) => s.nodes;

// The view on screen in flow coordinates, compared by value so an unchanged view draws nothing.
function selectView(s: ReactFlowState): { x: number; y: number; width: number; height: number } {
  return visibleRect(s) ?? { x: 0, y: 0, width: 1, height: 1 };
}

/** How far one wheel notch zooms (as React Flow's MiniMap with its default zoom step). */
const wheelZoom = (e: WheelEvent) => Math.pow(2, -e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002));

/** The colour React Flow's MiniMap gives node boxes (its CSS variable, as the page's theme sets it). */
function boxColour(c: HTMLCanvasElement): string {
  const style = getComputedStyle(c);
  return style.getPropertyValue('--xy-minimap-node-background-color').trim() || style.getPropertyValue('--xy-minimap-node-background-color-default').trim() || '#e2e2e2';
}

/**
 * The minimap of a large graph: every node's box painted once into one canvas when the
 * document changes, and the view on screen as one mask path that is all a pan redraws (React
 * Flow's MiniMap draws and watches one SVG element per node). Dragging it pans the canvas and
 * the wheel zooms it, as React Flow's does.
 */
export function BoxMiniMap({ position, size }: { position: PanelPosition; size: { width: number; height: number } }) {
  const t = useT();
  const store = useStoreApi();
  const nodes = useStore(selectNodes);
  const view = useStore(selectView, shallow);
  // Read from React Flow's lookup (absolute positions, measured sizes) when the nodes change, not on a pan.
  const { boxes, bounds } = useMemo(() => minimapBoxes(store.getState().nodeLookup.values()), [store, nodes]);
  const f = minimapFrame(bounds, view, size);
  const canvas = useRef<HTMLCanvasElement>(null);
  const fill = useRef<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const drawn = `${f.x} ${f.y} ${f.width} ${f.height}`;
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(size.width * ratio);
    c.height = Math.round(size.height * ratio);
    const k = ratio / f.unitsPerPx;
    // Read once: a computed style makes the browser restyle the page first, which costs most while a large graph opens.
    fill.current ??= boxColour(c);
    ctx.fillStyle = fill.current;
    // On whole pixels and at least one wide, as React Flow's MiniMap draws its boxes (crisp edges).
    for (const b of boxes) ctx.fillRect(Math.round((b.x - f.x) * k), Math.round((b.y - f.y) * k), Math.max(1, Math.round(b.width * k)), Math.max(1, Math.round(b.height * k)));
    // drawn stands for f: the canvas is painted again only when the framing or the boxes change.
  }, [boxes, drawn, size.width, size.height]);
  // Drag to pan, wheel to zoom; the wheel listener is not passive, so the page does not scroll.
  const frameRef = useRef(f);
  frameRef.current = f;
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const { panZoom, transform } = store.getState();
      void panZoom?.scaleTo(transform[2] * wheelZoom(e));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [store]);
  const drag = useRef<{ px: number; py: number } | null>(null);
  return (
    <Panel position={position} className="react-flow__minimap" data-testid="rf__minimap" style={size}>
      <canvas ref={canvas} style={{ position: 'absolute', inset: 0, width: size.width, height: size.height }} aria-hidden="true" />
      <svg
        ref={svg}
        width={size.width}
        height={size.height}
        viewBox={drawn}
        className="react-flow__minimap-svg"
        style={{ position: 'relative', cursor: 'grab' }}
        role="img"
        aria-label={t('canvas.rf.minimap')}
        onPointerDown={(e) => {
          drag.current = { px: e.clientX, py: e.clientY };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d) return;
          const { panZoom, transform } = store.getState();
          const [x, y, zoom] = transform;
          const k = frameRef.current.unitsPerPx * zoom;
          void panZoom?.setViewport({ x: x - (e.clientX - d.px) * k, y: y - (e.clientY - d.py) * k, zoom });
          drag.current = { px: e.clientX, py: e.clientY };
        }}
        onPointerUp={() => (drag.current = null)}
      >
        <path
          className="react-flow__minimap-mask"
          d={`M${f.x - f.width},${f.y - f.height}h${3 * f.width}v${3 * f.height}h${-3 * f.width}z M${view.x},${view.y}h${view.width}v${view.height}h${-view.width}z`}
          fillRule="evenodd"
          pointerEvents="none"
        />
      </svg>
    </Panel>
  );
}
