import { useLayoutEffect, useSyncExternalStore } from 'react';
import { useStore } from '@xyflow/react';
import { type LabelSpot, placeLabels, type Size, wirePoints } from './labelPlacement';
import type { Box } from './minimapPlacement';
import { nodeBoxesOnScreen, visibleRect } from './boxesOnScreen';
import type { Point } from './placement';

interface Request {
  readonly path: string;
  readonly wire: readonly Point[];
  readonly size: Size;
  readonly active: boolean;
}

/**
 * The canvas's wire labels placed together (placeLabels), so they keep clear of the nodes
 * and of each other. Each wire label tells it its path, size and whether it is current, and
 * reads back its own spot; LabelScene tells it the nodes' boxes and what is on screen.
 */
export class LabelBoard {
  private readonly requests = new Map<string, Request>();
  private nodes: readonly Box[] = [];
  private view: Box | undefined;
  private spots = new Map<string, LabelSpot | null>();
  private readonly listeners = new Set<() => void>();
  // Changes are placed once per batch (every label of a step asks in the same commit), then told.
  private dirty = false;
  private untold = false;
  private scheduled = false;

  /** Asks for (or updates) a wire's label. */
  set(id: string, path: string, size: Size, active: boolean): void {
    const old = this.requests.get(id);
    if (old && old.path === path && old.size.width === size.width && old.size.height === size.height && old.active === active) return;
    this.requests.set(id, { path, wire: old?.path === path ? old.wire : wirePoints(path), size, active });
    this.changed();
  }

  /** Drops a wire's label (the wire no longer shows one). */
  remove(id: string): void {
    if (this.requests.delete(id)) this.changed();
  }

  /** The nodes' boxes, and the part of the canvas on screen, in flow coordinates. */
  setScene(nodes: readonly Box[], view: Box | undefined): void {
    this.nodes = nodes;
    this.view = view;
    this.changed();
  }

  /** True while any wire shows a label (step-through): only then does the canvas tell the board its scene. */
  wanted(): boolean {
    return this.requests.size > 0;
  }

  /** A wire label's spot: null when it has no free place, undefined before it asked. */
  spot(id: string): LabelSpot | null | undefined {
    if (this.dirty) this.place();
    return this.spots.get(id);
  }

  /** Calls `listener` whenever the spots change; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Places any pending change now and tells the listeners whose spots moved (otherwise done at the end of the current task). */
  flush(): void {
    if (this.dirty) this.place();
    if (!this.untold) return;
    this.untold = false;
    for (const l of this.listeners) l();
  }

  private changed(): void {
    this.dirty = true;
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private place(): void {
    this.dirty = false;
    const requests = [...this.requests].map(([id, r]) => ({ id, wire: r.wire, size: r.size, active: r.active }));
    const next = placeLabels(requests, this.nodes, this.view);
    let changed = next.size !== this.spots.size;
    for (const [id, spot] of next) {
      const old = this.spots.get(id);
      // An unchanged spot keeps its object, so only labels that move re-render.
      if (old !== undefined && sameSpot(old, spot)) next.set(id, old);
      else changed = true;
    }
    this.spots = next;
    if (changed) this.untold = true;
  }
}

// One board per React Flow canvas on the page, by its id.
const boards = new Map<string, LabelBoard>();

/** The label board of the React Flow canvas this is rendered in. */
export function useLabelBoard(): LabelBoard {
  const rfId = useStore((s) => s.rfId);
  let board = boards.get(rfId);
  if (!board) boards.set(rfId, (board = new LabelBoard()));
  return board;
}

/**
 * Keeps the canvas's label board up to date with React Flow's node boxes and viewport while
 * any wire shows a label; render inside <ReactFlow>. Only the nodes on screen are told
 * (a label is placed on screen, so nothing else can be in its way), and nothing is read
 * while no wire asks, so panning a large graph costs nothing here.
 */
export function LabelScene(): null {
  const board = useLabelBoard();
  const wanted = useSyncExternalStore(board.subscribe, () => board.wanted());
  const view = useStore(wanted ? visibleRect : nothing, sameBox);
  const nodes = useStore(wanted ? nodeBoxesOnScreen : noBoxes, sameBoxes);
  useLayoutEffect(() => board.setScene(nodes, view ?? undefined), [board, nodes, view]);
  return null;
}

const NO_BOXES: Box[] = [];
const nothing = (): null => null;
const noBoxes = (): Box[] => NO_BOXES;

function sameBox(a: Box | null, b: Box | null): boolean {
  if (a === null || b === null) return a === b;
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

// Labels are placed again only when a node's box changed, not on every store update.
function sameBoxes(a: Box[], b: Box[]): boolean {
  return a.length === b.length && a.every((p, i) => sameBox(p, b[i]));
}

function sameSpot(a: LabelSpot | null, b: LabelSpot | null): boolean {
  if (a === null || b === null) return a === b;
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.aside === b.aside && a.anchor.x === b.anchor.x && a.anchor.y === b.anchor.y;
}
