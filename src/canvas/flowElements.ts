import { type Edge, type Node, type NodeChange, type NodeHandle, Position } from '@xyflow/react';
import type { FileEdge, FileNode, GraphFile } from '../../engine';
import { edgeId } from '../store/edits';
import { OUTPUT_HANDLE } from './connect';
import { leafSummary, portsOf } from './nodeInfo';
import { NODE_HEIGHT, NODE_WIDTH } from './placement';

/**
 * What a node needs to draw its identity. Values, gradients, shapes and problems are not
 * here: the node reads them from the run store, so a run re-renders only what reads them.
 */
export interface OpNodeData extends Record<string, unknown> {
  readonly op: string;
  readonly label: string | undefined;
  readonly attrs: FileNode['attrs'];
  readonly isLoss: boolean;
  /** An `input` with requiresGrad on (parameters always collect a gradient and are marked by their op). */
  readonly requiresGrad: boolean;
  /** Where a leaf's value comes from (`arange(-2, 2.1, 0.25)`), '' otherwise. */
  readonly summary: string;
  /** Input ports that have a wire, joined by commas (a string, so equal sets compare equal). */
  readonly fed: string;
}

/** The canvas's node type: every graph node is drawn by OpNode. */
export type OpFlowNode = Node<OpNodeData, 'op'>;

/** Per-node extras the canvas computes from state React Flow does not know (language, shapes, problems). */
export interface NodeDecoration {
  readonly ariaLabel: string;
  /** Ids of elements describing the node for assistive tech (its problem tooltip), space-separated. */
  readonly describedBy?: string;
}

type DomAttributes = NonNullable<OpFlowNode['domAttributes']>;

/**
 * Up to this many nodes the canvas draws every node, on screen or not, as it always has
 * (cheap at this size; Tab reaches every node, and fits and wires use measured sizes). A
 * larger graph draws only the nodes and wires on screen, and its nodes start from estimated
 * sizes and handles (handlesOf), so opening it draws only what shows.
 */
export const DRAW_ALL_UP_TO = 300;

/**
 * The React Flow nodes for a document. Objects from `prev` are reused when nothing about
 * them changed, and React Flow's own fields (measured size, dragging) are kept, so a
 * document change re-renders only the nodes it touched. `loss` is the node badged as the
 * loss: the marked one, or the one the engine's rule chose. Nodes of a graph larger than
 * DRAW_ALL_UP_TO carry estimated sizes and handles until React Flow measures them.
 */
export function toFlowNodes(
  doc: GraphFile,
  selected: ReadonlySet<string>,
  prev: readonly OpFlowNode[],
  decorate: (n: FileNode) => NodeDecoration,
  loss: string | null = doc.loss,
): OpFlowNode[] {
  const before = new Map(prev.map((n) => [n.id, n]));
  const estimated = doc.nodes.length > DRAW_ALL_UP_TO;
  const fed = new Map<string, string[]>();
  for (const e of doc.edges) fed.set(e.target, [...(fed.get(e.target) ?? []), e.targetPort]);
  return doc.nodes.map((n) => {
    const old = before.get(n.id);
    const data = sameData(old?.data, nodeData(n, loss, fed.get(n.id)));
    const { ariaLabel, describedBy } = decorate(n);
    const dom = sameDom(old?.domAttributes, { 'data-testid': `node.${n.id}`, 'aria-describedby': describedBy } as DomAttributes);
    const isSelected = selected.has(n.id);
    if (
      old &&
      old.data === data &&
      old.domAttributes === dom &&
      old.position.x === n.position.x &&
      old.position.y === n.position.y &&
      (old.selected ?? false) === isSelected &&
      old.ariaLabel === ariaLabel
    ) {
      return old;
    }
    // In a large graph a node React Flow has not measured carries its size and handles from the stylesheet's layout, so only the nodes on screen are drawn (and measured).
    const estimate = !estimated || old?.measured ? {} : { initialWidth: NODE_WIDTH, initialHeight: NODE_HEIGHT, handles: old?.handles ?? handlesOf(n.id, n.op) };
    return { ...old, id: n.id, type: 'op', position: { ...n.position }, data, selected: isSelected, ariaLabel, domAttributes: dom, ...estimate };
  });
}

/** Where an op node's handles sit before it is measured, in flow px from its top-left (canvas.css: 10 px handles 5 px outside the border, port rows 15 px apart below the name and op lines). */
const HANDLE = { size: 10, firstY: 40.5, rowHeight: 15 } as const;

/**
 * A node's handles as the stylesheet lays them out: every input port on the left, one row
 * each, the output on the right beside the first. React Flow draws a wire to a node that is
 * off screen (never drawn, so never measured) from these.
 */
export function handlesOf(id: string, op: string): NodeHandle[] {
  const base = { width: HANDLE.size, height: HANDLE.size, nodeId: id };
  const inputs = portsOf(op).map((p, i): NodeHandle => ({ ...base, id: p.name, type: 'target', position: Position.Left, x: -HANDLE.size / 2, y: HANDLE.firstY + i * HANDLE.rowHeight }));
  return [...inputs, { ...base, id: OUTPUT_HANDLE, type: 'source', position: Position.Right, x: NODE_WIDTH - HANDLE.size / 2, y: HANDLE.firstY }];
}

/**
 * Drops the estimated handles from nodes React Flow has just measured (a `dimensions`
 * change), so it keeps the handles it measured rather than reading the estimate again.
 */
export function dropEstimates(nodes: OpFlowNode[], changes: readonly NodeChange<OpFlowNode>[]): OpFlowNode[] {
  const measured = new Set(changes.filter((c) => c.type === 'dimensions').map((c) => c.id));
  if (measured.size === 0) return nodes;
  return nodes.map((n) => {
    if (!measured.has(n.id) || !n.handles) return n;
    const { handles: _estimate, initialWidth: _w, initialHeight: _h, ...rest } = n;
    return rest;
  });
}

/** The React Flow edges for a document: handle `out` into the port's handle; edge selection is kept from `prev`. */
export function toFlowEdges(doc: GraphFile, prev: readonly Edge[], ariaLabel: (e: FileEdge) => string): Edge[] {
  const before = new Map(prev.map((e) => [e.id, e]));
  return doc.edges.map((e) => {
    const id = edgeId(e);
    const old = before.get(id);
    const label = ariaLabel(e);
    if (old && old.ariaLabel === label) return old;
    return {
      id,
      type: 'step',
      source: e.source,
      target: e.target,
      sourceHandle: OUTPUT_HANDLE,
      targetHandle: e.targetPort,
      selected: old?.selected ?? false,
      ariaLabel: label,
      domAttributes: { 'data-testid': `edge.${id}` } as NonNullable<Edge['domAttributes']>,
    };
  });
}

function nodeData(n: FileNode, loss: string | null, fed: readonly string[] | undefined): OpNodeData {
  return {
    op: n.op,
    label: n.label,
    attrs: n.attrs,
    isLoss: n.id === loss,
    requiresGrad: n.op === 'input' && n.requiresGrad === true,
    summary: leafSummary(n),
    fed: fed ? [...fed].sort().join(',') : '',
  };
}

function sameData(old: OpNodeData | undefined, next: OpNodeData): OpNodeData {
  if (!old) return next;
  for (const k of Object.keys(next) as (keyof OpNodeData)[]) if (old[k] !== next[k]) return next;
  return old;
}

function sameDom(old: DomAttributes | undefined, next: DomAttributes): DomAttributes {
  const o = old as Record<string, unknown> | undefined;
  const n = next as Record<string, unknown>;
  return o && o['data-testid'] === n['data-testid'] && o['aria-describedby'] === n['aria-describedby'] ? (old as DomAttributes) : next;
}
