import { attrDefault, CURRENT_VERSION, type FileEdge, type FileNode, FORMAT_NAME, type GraphFile, lookupOp, wouldCreateCycle } from '../../engine';

/** An empty graph with default training settings. */
export function emptyDocument(): GraphFile {
  return {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    nodes: [],
    edges: [],
    loss: null,
    datasets: {},
    training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 100, batchSize: null, seed: 0 },
  };
}

/** The stable id React Flow uses for an edge. */
export function edgeId(e: FileEdge): string {
  return `${e.source}->${e.target}.${e.targetPort}`;
}

/** A fresh node id for an op: `square`, then `square_2`, … */
export function freshId(doc: GraphFile, base: string, taken: ReadonlySet<string> = new Set()): string {
  const ids = new Set([...doc.nodes.map((n) => n.id), ...taken]);
  if (!ids.has(base)) return base;
  for (let k = 2; ; k++) if (!ids.has(`${base}_${k}`)) return `${base}_${k}`;
}

/**
 * A node of `op` as it starts, every field read from the op's definition: an op's attribute
 * defaults and its own parameters' initialiser (nn.Linear(1, 1) with its default init); a
 * leaf's starting value or shape and its initialiser. Nothing is shared with the definition.
 */
export function createNode(op: string, id: string, position: { x: number; y: number }): FileNode {
  const def = lookupOp(op);
  const node: FileNode = { id, op, position: { x: position.x, y: position.y } };
  if (def?.kind === 'op' && def.attrs.length > 0) node.attrs = Object.fromEntries(def.attrs.map((a) => [a.name, attrDefault(a)]));
  if (def?.kind === 'leaf') {
    if (def.start.value) node.value = structuredClone(def.start.value) as FileNode['value'];
    if (def.start.shape) node.shape = [...def.start.shape];
  }
  if (def?.init) node.init = { ...def.init };
  return node;
}

/** Why a wire may not be made, or null when it may. */
export type ConnectionRefusal = 'self' | 'cycle' | 'port_taken' | 'output_to_output' | 'unknown_port';

/** Checks a wire from `source`'s output to `target`'s input port before it is made. */
export function checkConnection(doc: GraphFile, source: string, target: string, targetPort: string | null | undefined): ConnectionRefusal | null {
  if (source === target) return 'self';
  if (!targetPort || targetPort === 'out') return 'output_to_output';
  const node = doc.nodes.find((n) => n.id === target);
  const def = node && lookupOp(node.op);
  if (!def || def.kind !== 'op' || !def.inputs.some((p) => p.name === targetPort)) return 'unknown_port';
  if (doc.edges.some((e) => e.target === target && e.targetPort === targetPort)) return 'port_taken';
  if (wouldCreateCycle(doc.edges, source, target)) return 'cycle';
  return null;
}

/** Removes nodes with their wires; clears the loss if it was one of them. */
export function removeNodes(doc: GraphFile, ids: ReadonlySet<string>): void {
  doc.nodes = doc.nodes.filter((n) => !ids.has(n.id));
  doc.edges = doc.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target));
  if (doc.loss !== null && ids.has(doc.loss)) doc.loss = null;
}

/** Removes wires by their React Flow ids. */
export function removeEdges(doc: GraphFile, ids: ReadonlySet<string>): void {
  doc.edges = doc.edges.filter((e) => !ids.has(edgeId(e)));
}

/** What Copy puts on the clipboard: some nodes and the wires between them. */
export interface Clip {
  readonly nodes: FileNode[];
  readonly edges: FileEdge[];
}

/** The selected nodes and the wires among them. */
export function copyNodes(doc: GraphFile, ids: ReadonlySet<string>): Clip {
  return {
    nodes: structuredClone(doc.nodes.filter((n) => ids.has(n.id))),
    edges: structuredClone(doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target))),
  };
}

/** Adds a clip's nodes with fresh ids, shifted by `offset`; returns the new ids. */
export function pasteClip(doc: GraphFile, clip: Clip, offset: { x: number; y: number }): string[] {
  const rename = new Map<string, string>();
  for (const n of clip.nodes) rename.set(n.id, freshId(doc, n.id, new Set(rename.values())));
  for (const n of clip.nodes) {
    doc.nodes.push({ ...structuredClone(n), id: rename.get(n.id) as string, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } });
  }
  for (const e of clip.edges) doc.edges.push({ ...e, source: rename.get(e.source) as string, target: rename.get(e.target) as string });
  return [...rename.values()];
}
