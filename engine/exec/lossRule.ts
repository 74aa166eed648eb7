import { lookupOp } from '../ops/registry';
import type { Shape } from '../tensor/shape';

/** The parts of a graph (or a graph file) the loss rule reads. */
export interface LossRuleGraph {
  readonly nodes: readonly { readonly id: string; readonly op: string }[];
  readonly edges: readonly { readonly source: string }[];
}

/**
 * The node a graph without a marked loss trains and runs Backward from, when there is exactly
 * one candidate: the computed scalar that feeds nothing (`z = y.sum()`, `loss = mse(...)`),
 * or, among several such scalars, the one loss op (a `criterion` such as mse). Undefined when
 * there is none or the choice is not clear; the learner then marks the loss.
 * Compile, training, the export and Backward all use this one rule.
 */
export function autoLoss(graph: LossRuleGraph, shapes: ReadonlyMap<string, Shape>): string | undefined {
  const fed = new Set(graph.edges.map((e) => e.source));
  const sinks = graph.nodes.filter((n) => shapes.get(n.id)?.length === 0 && lookupOp(n.op)?.kind === 'op' && !fed.has(n.id));
  if (sinks.length === 1) return sinks[0].id;
  const criteria = sinks.filter((n) => {
    const def = lookupOp(n.op);
    return def?.kind === 'op' && def.criterion !== undefined;
  });
  return criteria.length === 1 ? criteria[0].id : undefined;
}
