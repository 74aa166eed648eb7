import type { TraceEvent, TracePhase } from '../../engine';

/** The four phases in the order the course loops through them. */
export const PHASES: readonly TracePhase[] = ['predict', 'loss', 'backward', 'update'];

/**
 * Where playback stands inside one training step's events: `cursor` is the index of the
 * event shown last, -1 before the first (right after zero_grad).
 */
export interface Position {
  readonly events: readonly TraceEvent[];
  readonly cursor: number;
}

/** The phase of the event at `cursor`, or null before the first event. */
export function phaseAt(p: Position): TracePhase | null {
  return p.cursor >= 0 && p.cursor < p.events.length ? p.events[p.cursor].phase : null;
}

/**
 * The cursor after finishing the current phase: the last event of the phase the cursor is in;
 * when it already stands on a phase's last event (or before the first), the end of the next
 * phase that has events. Stays put at the end of the step.
 */
export function endOfPhase(p: Position): number {
  const { events, cursor } = p;
  if (cursor >= events.length - 1) return cursor;
  const current = phaseAt(p);
  let k = cursor;
  // Finish this phase if events of it remain; otherwise finish the next one.
  const phase = current !== null && events[cursor + 1].phase === current ? current : events[cursor + 1].phase;
  while (k + 1 < events.length && events[k + 1].phase === phase) k++;
  return k;
}

/** The cursor one event back; -1 is as far as Back goes (the start of the training step). */
export function stepBack(p: Position): number {
  return Math.max(-1, p.cursor - 1);
}

/** The loss value of the step, once its loss event has been shown; else null. */
export function lossShown(p: Position): number | null {
  for (let k = 0; k <= p.cursor && k < p.events.length; k++) {
    const e = p.events[k];
    if (e.type === 'forward' && e.phase === 'loss') return e.value.data[0];
  }
  return null;
}

/** A graph edge as playback needs it. */
export interface PlainEdge {
  readonly source: string;
  readonly target: string;
  readonly targetPort: string;
}

/** What one edge shows: the value that went forward or the gradient that came back, and whether it is moving now. */
export interface EdgeView {
  readonly flow: 'forward' | 'backward';
  readonly shape: readonly number[];
  readonly data: Float64Array;
  /** True when the event at the cursor is the one that sent it (the pulse runs). */
  readonly active: boolean;
}

/**
 * The latest thing each edge carried up to the cursor, keyed by `source|target|port`: a node's
 * forward value on each of its outgoing edges, then on backward each edge's own contribution.
 */
export function edgeViews(p: Position, edges: readonly PlainEdge[]): Map<string, EdgeView> {
  const out = new Map<string, EdgeView>();
  const bySource = new Map<string, PlainEdge[]>();
  for (const e of edges) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  for (let k = 0; k <= p.cursor && k < p.events.length; k++) {
    const ev = p.events[k];
    const active = k === p.cursor;
    if (ev.type === 'forward') {
      for (const e of bySource.get(ev.node) ?? []) out.set(edgeKey(e), { flow: 'forward', shape: ev.value.shape, data: ev.value.data, active });
    } else if (ev.type === 'backward' && ev.param === undefined) {
      for (const c of ev.contributions) {
        const key = edgeKey({ source: ev.node, target: c.target, targetPort: c.port });
        out.set(key, { flow: 'backward', shape: c.grad.shape, data: c.grad.data, active });
      }
    }
  }
  return out;
}

/** The key edgeViews uses for an edge. */
export function edgeKey(e: PlainEdge): string {
  return `${e.source}|${e.target}|${e.targetPort}`;
}

/** What a node shows during playback: its value this step, its gradient, and each parameter's update. */
export interface NodeView {
  readonly current: boolean;
  readonly value: { readonly shape: readonly number[]; readonly data: Float64Array } | null;
  readonly grad: { readonly shape: readonly number[]; readonly data: Float64Array } | null;
  /** How many edges' contributions were summed into `grad` (shown as Σ when more than one). */
  readonly parts: number;
  readonly params: readonly { readonly param: string; readonly grad: Float64Array | null; readonly before: Float64Array | null; readonly after: Float64Array | null }[];
}

/** Every node's view at the cursor, in one pass over the events; nodes playback has not reached are absent. */
export function nodeViews(p: Position): Map<string, NodeView> {
  type Param = { param: string; grad: Float64Array | null; before: Float64Array | null; after: Float64Array | null };
  type Draft = { current: boolean; value: NodeView['value']; grad: NodeView['grad']; parts: number; params: Map<string, Param> };
  const drafts = new Map<string, Draft>();
  for (let k = 0; k <= p.cursor && k < p.events.length; k++) {
    const ev = p.events[k];
    let d = drafts.get(ev.node);
    if (!d) drafts.set(ev.node, (d = { current: false, value: null, grad: null, parts: 0, params: new Map() }));
    if (k === p.cursor) d.current = true;
    if (ev.type === 'forward') d.value = { shape: ev.value.shape, data: ev.value.data };
    else if (ev.type === 'backward' && ev.param === undefined) {
      d.grad = { shape: ev.grad.shape, data: ev.grad.data };
      d.parts = ev.contributions.length;
    } else {
      const name = ev.param as string;
      const slot = d.params.get(name) ?? { param: name, grad: null, before: null, after: null };
      if (ev.type === 'backward') slot.grad = ev.grad.data;
      else {
        slot.before = ev.before.data;
        slot.after = ev.after.data;
        slot.grad = ev.grad.data;
      }
      d.params.set(name, slot);
    }
  }
  const out = new Map<string, NodeView>();
  for (const [id, d] of drafts) out.set(id, { current: d.current, value: d.value, grad: d.grad, parts: d.parts, params: [...d.params.values()] });
  return out;
}

/** True when two node views show the same thing (same tensors by identity), so a view can be kept. */
export function sameNodeView(a: NodeView, b: NodeView): boolean {
  if (a.current !== b.current || a.parts !== b.parts || a.value?.data !== b.value?.data || a.grad?.data !== b.grad?.data) return false;
  if (a.params.length !== b.params.length) return false;
  return a.params.every((x, i) => {
    const y = b.params[i];
    return x.param === y.param && x.grad === y.grad && x.before === y.before && x.after === y.after;
  });
}

/** True when two edge views show the same thing. */
export function sameEdgeView(a: EdgeView, b: EdgeView): boolean {
  return a.flow === b.flow && a.data === b.data && a.active === b.active;
}

/** A trace event as plain data (arrays, no typed arrays), for the test hook. */
export interface PlainEvent {
  type: TraceEvent['type'];
  phase: TracePhase;
  node: string;
  param: string | null;
  shape: number[];
  value: number[] | null;
  grad: number[] | null;
  before: number[] | null;
  after: number[] | null;
  contributions: { target: string; port: string; grad: number[] }[];
}

/** Copies an event into plain arrays. */
export function plainEvent(e: TraceEvent): PlainEvent {
  const base = { type: e.type, phase: e.phase, node: e.node, value: null, grad: null, before: null, after: null, contributions: [] };
  if (e.type === 'forward') return { ...base, param: null, shape: [...e.value.shape], value: Array.from(e.value.data) };
  if (e.type === 'backward') {
    return {
      ...base,
      param: e.param ?? null,
      shape: [...e.grad.shape],
      grad: Array.from(e.grad.data),
      contributions: e.contributions.map((c) => ({ target: c.target, port: c.port, grad: Array.from(c.grad.data) })),
    };
  }
  return { ...base, param: e.param, shape: [...e.grad.shape], grad: Array.from(e.grad.data), before: Array.from(e.before.data), after: Array.from(e.after.data) };
}

/** Play speeds, slow to fast, in events per second; the last plays one training step per frame. */
export const SPEEDS: readonly number[] = [0.5, 1, 2, 4, 8, 16, 32, Infinity];

/** How many events to advance after `elapsed` ms at `eventsPerSecond`, carrying the remainder. */
export function eventsDue(carry: number, elapsed: number, eventsPerSecond: number): { count: number; carry: number } {
  const total = carry + (elapsed / 1000) * eventsPerSecond;
  const count = Math.floor(total);
  return { count, carry: total - count };
}
