import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  getViewportForBounds,
  type IsValidConnection,
  type NodeMouseHandler,
  type NodeChange,
  type OnConnect,
  type OnDelete,
  type OnMove,
  type OnMoveEnd,
  ReactFlow,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { inputSideView } from './inputSideView';
import { type FileEdge, type FileNode, formatShape, type GraphFile } from '../../engine';
import { useT } from '../i18n/useT';
import { msg } from '../i18n/words';
import { useSession, useSessionApi } from '../session/useSession';
import { connectionFromEnds, judgeConnection } from './connect';
import { carriesOp, dropEffectFor, PALETTE_MIME } from './dnd';
import { addOpNode, addWire, applyLayout, applySelectChanges, deleteElements, moveNodes } from './editActions';
import { DRAW_ALL_UP_TO, dropEstimates, type NodeDecoration, type OpFlowNode, toFlowEdges, toFlowNodes } from './flowElements';
import { formulaOf } from './nodeInfo';
import { OpNode } from './OpNode';
import { LabelScene } from './labelBoard';
import { PlacedControls } from './PlacedControls';
import { PlacedMiniMap } from './PlacedMiniMap';
import { StepEdge } from './StepEdge';
import { GRID, NODE_HEIGHT, NODE_WIDTH } from './placement';
import { issueNodeKey, issueTipId } from './problems';
import { useCanvasShortcuts } from './useCanvasShortcuts';
import { useFitRequests } from './useFitRequests';
import { isFitPending, noteLearnerMove, useFitRequest } from './fitRequest';
import { loadFailedNotice } from '../shell/loadFailed';
import './canvas.css';

/** Re-exported so the palette can import the drag type from the canvas entry as well as from dnd.ts. */
export { PALETTE_MIME } from './dnd';

/** The canvas root's test id (the palette finds the visible canvas's centre by it). */
const CANVAS_TEST_ID = 'canvas';

// Defined once: React Flow remounts every node when nodeTypes changes identity.
const nodeTypes = { op: OpNode };
const edgeTypes = { step: StepEdge };
const SNAP_GRID: [number, number] = [GRID, GRID];
/**
 * Fit view keeps node values readable: at its minimum zoom (0.8) the nodes' 15 px value text is 12 px
 * on screen, and it never zooms past 1.5× (a small graph would otherwise fill the screen). A graph
 * that does not fit across at 0.8 is shown from its input side (`inputSideView`).
 */
const FIT = { padding: 0.08, minZoom: 0.8, maxZoom: 1.5, duration: 200 } as const;
/** Screen px left of a graph shown from its input side: clear of the zoom buttons' column (15 px inset, 28 px wide). */
const INPUT_SIDE_MARGIN = 56;
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
/** React Flow's id prefix for its keyboard help text, which nodes keep in their aria-describedby. */
const NODE_DESC = 'react-flow__node-desc';

/**
 * The graph editor canvas: the document's nodes and wires in React Flow, with grid snapping,
 * selection synced to the session, moves committed as one undo step per gesture,
 * validated connections, drops from the palette, auto-layout and the editing shortcuts.
 * Render inside the app's ReactFlowProvider.
 */
export function Canvas() {
  const t = useT();
  const flow = useReactFlow<OpFlowNode, Edge>();
  const session = useSessionApi();
  const doc = useSession((s) => s.history.present);
  const selection = useSession((s) => s.selection);
  const shapes = useSession((s) => s.compiled.shapes);
  // The marked loss, or the one the engine's rule chose (compiled with the same document, so read together).
  const loss = useSession((s) => s.history.present.loss ?? s.compiled.program?.loss ?? null);
  const issueKey = useSession((s) => issueNodeKey({ problems: s.compiled.problems, runError: s.run.runError }));
  const rfId = useStore((s) => s.rfId);
  // The viewport saved with the document (autosave) is restored at mount; without one the graph is fitted.
  const [initialViewport] = useState(() => session.state.viewport);
  useCanvasShortcuts();
  // Each fit takes a number; a fit that a later one (a lesson's request) has overtaken leaves the view to it.
  const fitGeneration = useRef(0);
  useFitRequests(FIT, fitGeneration);
  // Busy while a lesson's fit is still to come: the view may yet move.
  const fitPending = useFitRequest(isFitPending);

  const decorate = useCallback(
    (n: FileNode): NodeDecoration => {
      const withIssue = issueKey.split('\n').includes(n.id);
      const vars = { name: n.label ?? n.id, op: n.op, formula: formulaOf(n.op) };
      const shape = shapes.get(n.id);
      return {
        ariaLabel: withIssue ? t('canvas.node.ariaProblem', vars) : t('canvas.node.aria', { ...vars, shape: shape ? formatShape(shape) : t('canvas.node.shapeUnknown') }),
        describedBy: withIssue ? `${issueTipId(n.id)} ${NODE_DESC}-${rfId}` : `${NODE_DESC}-${rfId}`,
      };
    },
    [t, shapes, issueKey, rfId],
  );
  const edgeLabel = useCallback((e: FileEdge) => t('canvas.edge.aria', { source: e.source, target: e.target, port: e.targetPort }), [t]);

  // React Flow needs node objects it can update during a drag; the document stays the truth
  // and is mirrored into them whenever it (or the selection, language, shapes) changes. The
  // mirror is updated during render, so React Flow never sees nodes from an older document.
  const [nodes, setNodes] = useState(() => toFlowNodes(doc, new Set(selection), [], decorate, loss));
  const [edges, setEdges] = useState(() => toFlowEdges(doc, [], edgeLabel));
  const [mirrored, setMirrored] = useState({ doc, selection, decorate, edgeLabel, loss });
  const nodesStale = mirrored.doc !== doc || mirrored.selection !== selection || mirrored.decorate !== decorate || mirrored.loss !== loss;
  const edgesStale = mirrored.doc !== doc || mirrored.edgeLabel !== edgeLabel;
  if (nodesStale) setNodes((prev) => toFlowNodes(doc, new Set(selection), prev, decorate, loss));
  if (edgesStale) setEdges((prev) => toFlowEdges(doc, prev, edgeLabel));
  if (nodesStale || edgesStale) setMirrored({ doc, selection, decorate, edgeLabel, loss });

  const saveViewport = useCallback(() => session.setViewport(flow.getViewport()), [flow, session]);
  const rfStore = useStoreApi();
  const fitView = useCallback(
    (options: { duration?: number } = FIT) => {
      const generation = ++fitGeneration.current;
      const nodes = flow.getNodes();
      const { width, height } = rfStore.getState();
      // A large graph draws only what is on screen, so an animated fit would draw and drop thousands of nodes on its way.
      const duration = nodes.length > DRAW_ALL_UP_TO ? 0 : (options.duration ?? FIT.duration);
      // Nodes with sizes (measured, or estimated in a large graph that draws only what is on
      // screen) are fitted in one move, straight to the input side when the graph is too wide;
      // a second move after the first could race it.
      if (nodes.length > 0 && nodes.every((n) => n.handles || n.measured?.width)) {
        const bounds = flow.getNodesBounds(nodes);
        const fitted = getViewportForBounds(bounds, width, height, FIT.minZoom, FIT.maxZoom, FIT.padding);
        const target = inputSideView(bounds, width, fitted, FIT.minZoom, FIT.padding, INPUT_SIDE_MARGIN) ?? fitted;
        void flow.setViewport(target, { duration }).then(() => {
          if (generation === fitGeneration.current) saveViewport();
        });
        return;
      }
      // Nodes not measured yet: React Flow fits once it has measured them.
      void flow.fitView({ ...FIT, duration }).then(async () => {
        if (generation !== fitGeneration.current) return;
        const placed = inputSideView(flow.getNodesBounds(flow.getNodes()), rfStore.getState().width, flow.getViewport(), FIT.minZoom, FIT.padding, INPUT_SIDE_MARGIN);
        if (placed) await flow.setViewport(placed);
        saveViewport();
      });
    },
    [flow, rfStore, saveViewport],
  );
  // Without a viewport saved with the document, it opens fitted (once its nodes are measured).
  useEffect(() => {
    if (initialViewport === null) fitView({ duration: 0 });
    // Only at mount: later openings fit in the effect below.
  }, []);

  // A document that was opened (import, example, share link, Recent, undoing an open) shares
  // no node objects with the one before: as at mount, it is shown at the viewport it was
  // opened with (the session holds the one saved with it), else all of it. React Flow already
  // holds the new nodes here (its store updates in a child effect), so a fit waits for them to be measured.
  const shownDoc = useRef(doc);
  useEffect(() => {
    const before = shownDoc.current;
    shownDoc.current = doc;
    if (before === doc || !wasReplaced(before, doc)) return;
    const saved = session.state.viewport;
    if (saved) void flow.setViewport(saved);
    else fitView();
  }, [doc, fitView, flow, session]);

  const dragging = useRef(false);
  const gesture = useRef(0);
  const onNodesChange = useCallback((changes: NodeChange<OpFlowNode>[]) => {
    // Removal goes through onDelete as one edit; the mirror then drops the nodes.
    const local = changes.filter((c) => c.type !== 'remove');
    if (local.length > 0) setNodes((ns) => dropEstimates(applyNodeChanges(local, ns), local));
    // Only `select` changes are read: they come from the user (click, shift-click, box, Escape),
    // never from new props, so mirroring the store's selection back cannot echo. (React Flow's
    // onSelectionChange lags the props by a render, and the two would chase each other.)
    applySelectChanges(session, changes);
    const moves: { id: string; position: { x: number; y: number } }[] = [];
    for (const c of changes) {
      if (c.type !== 'position') continue;
      if (c.dragging) dragging.current = true;
      else if (c.position) moves.push({ id: c.id, position: c.position });
    }
    if (moves.length === 0) return;
    // A drag commits once, when it ends; arrow-key nudges of the same nodes merge into one step.
    const key = dragging.current ? `drag:${++gesture.current}` : `nudge:${moves.map((m) => m.id).sort().join(',')}`;
    dragging.current = false;
    moveNodes(session, moves, key);
  }, [session]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const local = changes.filter((c) => c.type === 'select');
    if (local.length > 0) setEdges((es) => applyEdgeChanges(local, es));
  }, []);

  const onDelete = useCallback<OnDelete<OpFlowNode>>(({ nodes: gone, edges: cut }) => {
    deleteElements(
      session,
      gone.map((n) => n.id),
      cut.map((e) => e.id),
    );
  }, [session]);

  const isValidConnection = useCallback<IsValidConnection>((c) => judgeConnection(session.state.history.present, c).ok, [session]);
  const onConnect = useCallback<OnConnect>((c) => {
    const verdict = judgeConnection(session.state.history.present, c);
    if (verdict.ok) addWire(session, verdict.edge);
  }, [session]);
  // React Flow does not call onConnect for a refused wire, so the reason is told here.
  const onConnectEnd = useCallback(
    (_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      const { fromHandle: from, toHandle: to } = state;
      if (state.isValid !== false || !from || !to) return;
      if (from.nodeId === to.nodeId && from.id === to.id && from.type === to.type) return;
      const verdict = judgeConnection(session.state.history.present, connectionFromEnds(from, to));
      if (!verdict.ok) session.notify({ kind: 'error', text: msg(`canvas.refused.${verdict.reason}`, verdict.vars) });
    },
    [session],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!carriesOp([...e.dataTransfer.types])) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = dropEffectFor(e.dataTransfer.effectAllowed);
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      const op = e.dataTransfer.getData(PALETTE_MIME);
      if (!op) return; // not ours (a file drop is the app's)
      e.preventDefault();
      addOpNode(session, op, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }, { snapToGrid: false }));
    },
    [flow, session],
  );

  const onMoveEnd = useCallback<OnMoveEnd>((_e, viewport) => session.setViewport(viewport), [session]);
  // A move with a pointer, wheel or key event is the learner's own (programmatic moves have none).
  const onMove = useCallback<OnMove>((e) => {
    if (e) noteLearnerMove();
  }, []);
  // The node under the pointer, for the code panel to light the statement that made it.
  const onNodeMouseEnter = useCallback<NodeMouseHandler<OpFlowNode>>((_e, node) => session.hoverNode(node.id), [session]);
  const onNodeMouseLeave = useCallback(() => session.hoverNode(null), [session]);

  const autoLayout = useCallback(() => {
    noteLearnerMove();
    // The layout library downloads on first use, keeping it out of the first screen's JavaScript.
    import('./autoLayout').then(({ layoutLeftToRight }) => {
      const current = session.state.history.present;
      const boxes = current.nodes.map((n) => {
        const size = flow.getNode(n.id)?.measured;
        return { id: n.id, width: size?.width ?? NODE_WIDTH, height: size?.height ?? NODE_HEIGHT };
      });
      applyLayout(session, layoutLeftToRight(boxes, current.edges));
      requestAnimationFrame(() => fitView());
    }, (e: unknown) => session.notify(loadFailedNotice(e)));
  }, [flow, fitView, session]);

  const ariaLabelConfig = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.rf.nodeDesc'),
      'node.a11yDescription.keyboardDisabled': t('canvas.rf.nodeDescKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t('canvas.rf.moved', { direction: t(`canvas.rf.dir.${direction}`), x, y }),
      'edge.a11yDescription.default': t('canvas.rf.edgeDesc'),
      'controls.ariaLabel': t('canvas.rf.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.rf.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.rf.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.rf.fitView'),
      'controls.interactive.ariaLabel': t('canvas.rf.interactive'),
      'minimap.ariaLabel': t('canvas.rf.minimap'),
      'handle.ariaLabel': t('canvas.rf.handle'),
    }),
    [t],
  );

  return (
    <div className="canvas" data-testid={CANVAS_TEST_ID} role="region" aria-label={t('canvas.label')} aria-busy={fitPending} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<OpFlowNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onClickConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        onMove={onMove}
        onMoveEnd={onMoveEnd}
        onNodeMouseEnter={onNodeMouseEnter}
        onNodeMouseLeave={onNodeMouseLeave}
        onlyRenderVisibleElements={doc.nodes.length > DRAW_ALL_UP_TO}
        defaultViewport={initialViewport ?? undefined}
        snapToGrid
        snapGrid={SNAP_GRID}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        minZoom={0.1}
        maxZoom={4}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.5} />
        <PlacedMiniMap />
        <LabelScene />
        <PlacedControls
          onFit={() => {
            noteLearnerMove();
            fitView({ duration: 0 });
          }}
        >
          <ControlButton onClick={autoLayout} data-testid="canvas.autoLayout" aria-label={t('canvas.autoLayout.title')} title={t('canvas.autoLayout.title')}>
            <LayoutIcon />
          </ControlButton>
        </PlacedControls>
      </ReactFlow>
      {doc.nodes.length === 0 && <p className="canvas__empty">{t('canvas.empty')}</p>}
    </div>
  );
}

/** True when `after` was opened rather than edited: it keeps none of `before`'s node objects. */
function wasReplaced(before: GraphFile, after: GraphFile): boolean {
  if (after.nodes.length === 0) return false;
  // Adding the first node to an empty canvas is an edit, not an open.
  if (before.nodes.length === 0) return after.nodes.length > 1;
  const kept = new Set<object>(before.nodes);
  return !after.nodes.some((n) => kept.has(n));
}

/** Three boxes flowing left to right: the auto-layout button's icon. */
function LayoutIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1" y="6" width="4" height="4" />
      <rect x="11" y="2" width="4" height="4" />
      <rect x="11" y="10" width="4" height="4" />
      <path d="M5 8h3M8 4v8M8 4h3M8 12h3" fill="none" stroke="currentColor" strokeWidth="1" />
    </svg>
  );
}
