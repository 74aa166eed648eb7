import type { FileEdge, GraphFile } from '../../engine';
import { checkConnection, type ConnectionRefusal } from '../store/edits';

/** The id of every node's single output handle. */
export const OUTPUT_HANDLE = 'out';

/** Why the canvas refuses a wire: the store's reasons, plus input-to-input (which only a drag can attempt). */
export type WireRefusal = ConnectionRefusal | 'input_to_input';

/** A connection as React Flow reports it: oriented from the output end when there is one. */
export interface ConnectionLike {
  readonly source: string;
  readonly sourceHandle?: string | null;
  readonly target: string;
  readonly targetHandle?: string | null;
}

/** One end of a drag, as React Flow's final connection state gives it. */
export interface HandleEnd {
  readonly nodeId: string;
  readonly id?: string | null;
  readonly type: 'source' | 'target';
}

/** The verdict on a wire: the edge to add, or the reason it is refused with what the message names. */
export type WireVerdict =
  | { readonly ok: true; readonly edge: FileEdge }
  | { readonly ok: false; readonly reason: WireRefusal; readonly vars: Readonly<Record<string, string>> };

/**
 * Orients a drag's two ends the way React Flow does when it validates one: a drag that
 * starts at an input port runs from the handle it ends on into that port.
 */
export function connectionFromEnds(from: HandleEnd, to: HandleEnd): ConnectionLike {
  return from.type === 'target'
    ? { source: to.nodeId, sourceHandle: to.id ?? null, target: from.nodeId, targetHandle: from.id ?? null }
    : { source: from.nodeId, sourceHandle: from.id ?? null, target: to.nodeId, targetHandle: to.id ?? null };
}

/** Judges a wire against the document: the same rules the engine enforces, said in the user's terms. */
export function judgeConnection(doc: GraphFile, c: ConnectionLike): WireVerdict {
  const port = c.targetHandle ?? '';
  if (c.source !== c.target && c.sourceHandle !== OUTPUT_HANDLE && port !== OUTPUT_HANDLE) return { ok: false, reason: 'input_to_input', vars: {} };
  const reason = checkConnection(doc, c.source, c.target, port);
  if (reason === null) return { ok: true, edge: { source: c.source, target: c.target, targetPort: port } };
  switch (reason) {
    case 'self':
      return { ok: false, reason, vars: { node: c.source } };
    case 'cycle':
      return { ok: false, reason, vars: { path: formatCycle(cyclePath(doc.edges, c.source, c.target)) } };
    case 'port_taken': {
      const feeder = doc.edges.find((e) => e.target === c.target && e.targetPort === port)?.source ?? '?';
      return { ok: false, reason, vars: { node: c.target, port, source: feeder } };
    }
    case 'output_to_output':
      return { ok: false, reason, vars: { source: c.source, target: c.target } };
    case 'unknown_port':
      return { ok: false, reason, vars: { node: c.target, port } };
  }
}

/**
 * The cycle a wire source → target would close: [source, target, …, source], following
 * existing wires from target back to source (shortest such path). Empty if there is none.
 */
export function cyclePath(edges: readonly FileEdge[], source: string, target: string): string[] {
  const parent = new Map<string, string>([[target, target]]);
  const queue = [target];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i];
    if (at === source) {
      const path = [at];
      for (let n = at; n !== target; ) path.push((n = parent.get(n) as string));
      return [source, ...path.reverse()];
    }
    for (const e of edges) {
      if (e.source === at && !parent.has(e.target)) {
        parent.set(e.target, at);
        queue.push(e.target);
      }
    }
  }
  return [];
}

/** A cycle for a message: `a → b → c → a`, with the middle elided past `max` names. */
export function formatCycle(path: readonly string[], max = 6): string {
  const shown = path.length <= max ? path : [...path.slice(0, max - 3), '…', ...path.slice(-2)];
  return shown.join(' → ');
}
