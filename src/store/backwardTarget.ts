import type { Shape } from '../../engine';
import type { GraphFile } from '../../engine/format/schema';

/**
 * Where Backward starts: the loss if the graph names one, else the selected node if it is
 * a scalar, else the only scalar node that feeds nothing. Null when none of these exists.
 */
export function backwardTarget(doc: GraphFile, selection: readonly string[], shapes: ReadonlyMap<string, Shape>): string | null {
  if (doc.loss !== null) return doc.loss;
  const scalar = (id: string) => shapes.get(id)?.length === 0;
  const selected = selection.find(scalar);
  if (selected) return selected;
  const sinks = doc.nodes.filter((n) => scalar(n.id) && !doc.edges.some((e) => e.source === n.id) && n.op !== 'input' && n.op !== 'constant' && n.op !== 'parameter');
  return sinks.length === 1 ? sinks[0].id : null;
}
