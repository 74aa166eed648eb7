import type { Problem } from '../graph/types';
import { formatPath } from './fileError';
import type { GraphFile } from './schema';

/** Where each node sits and which edge last feeds each port, built once per document's lists. */
interface PathIndex {
  readonly nodes: Map<string, number>;
  readonly ports: Map<string, number>;
}

const indexes = new WeakMap<readonly unknown[], { edges: readonly unknown[]; index: PathIndex }>();

/** The index of a document, rebuilt when its node or edge list changed (edits make new lists). */
function indexOf(file: GraphFile): PathIndex {
  const cached = indexes.get(file.nodes);
  if (cached && cached.edges === file.edges) return cached.index;
  const nodes = new Map<string, number>();
  file.nodes.forEach((n, i) => {
    if (!nodes.has(n.id)) nodes.set(n.id, i);
  });
  const ports = new Map<string, number>();
  file.edges.forEach((e, j) => ports.set(`${e.target}\u0000${e.targetPort}`, j));
  const index = { nodes, ports };
  indexes.set(file.nodes, { edges: file.edges, index });
  return index;
}

/** The JSON path a compile problem points at; a lookup per problem, so a graph with 100,000 problems stays fast. */
export function problemPath(file: GraphFile, p: Problem): string {
  if (p.code === 'unknown_loss' || p.code === 'loss_not_scalar') return 'loss';
  if (p.node === undefined) return '';
  let index = indexOf(file);
  let i = index.nodes.get(p.node);
  // A list changed in place since it was indexed: look again rather than point at the wrong node.
  if (i !== undefined && file.nodes[i]?.id !== p.node) {
    indexes.delete(file.nodes);
    index = indexOf(file);
    i = index.nodes.get(p.node);
  }
  if (i === undefined) return '';
  if (p.code === 'bad_attribute' && p.port) return formatPath(['nodes', i, 'attrs', p.port]);
  if ((p.code === 'unknown_port' || p.code === 'port_fed_twice') && p.port) {
    const j = index.ports.get(`${p.node}\u0000${p.port}`);
    if (j !== undefined) return `edges[${j}].targetPort`;
  }
  if (p.field) return `nodes[${i}].${p.field}`;
  if (p.code === 'bad_value') return `nodes[${i}].value`;
  return `nodes[${i}]`;
}
