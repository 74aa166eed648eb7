import type { GraphFile } from '../../engine';
import { parameterNodes, reach } from '../datasets/inputRoles';

/** The space an axis of the data plot is in: the dataset's numbers as stored, centred by the graph (`a − mean(a)`), or otherwise computed from them. */
export type Space = 'raw' | 'centred' | 'computed';

/** What one axis of the data plot shows: the node whose values it plots, the dataset column they come from, and their space. */
export interface AxisSpace {
  readonly node: string;
  readonly column: string;
  readonly space: Space;
}

/** The node feeding `target`'s port, if wired. */
function into(doc: GraphFile, target: string, port: string): string | undefined {
  return doc.edges.find((e) => e.target === target && e.targetPort === port)?.source;
}

/** Every node upstream of `id`, itself included. */
export function upstreamOf(doc: GraphFile, id: string): Set<string> {
  return reach(doc, [id], 'up');
}

/** The first column of the dataset-bound input upstream of `id` (itself included), or undefined when there is not exactly one such input. */
function sourceColumn(doc: GraphFile, id: string): string | undefined {
  const up = upstreamOf(doc, id);
  const inputs = doc.nodes.filter((n) => up.has(n.id) && n.op === 'input' && n.value?.type === 'columns');
  const v = inputs.length === 1 ? inputs[0].value : undefined;
  return v?.type === 'columns' ? v.columns[0] : undefined;
}

/** The space of a node's values: raw for a dataset-bound input, centred for `a − mean(a)`, computed otherwise. */
export function spaceOf(doc: GraphFile, id: string): Space {
  const n = doc.nodes.find((m) => m.id === id);
  if (n?.op === 'input' && n.value?.type === 'columns') return 'raw';
  if (n?.op === 'sub') {
    const a = into(doc, id, 'a');
    const b = into(doc, id, 'b');
    const mean = doc.nodes.find((m) => m.id === b);
    if (a !== undefined && mean?.op === 'mean' && into(doc, mean.id, 'x') === a) return 'centred';
  }
  return 'computed';
}

/** An axis for the node: its source column and its space. */
export function axisSpace(doc: GraphFile, id: string, fallbackColumn: string): AxisSpace {
  return { node: id, column: sourceColumn(doc, id) ?? fallbackColumn, space: spaceOf(doc, id) };
}

/**
 * The node the model reads its feature from: the data node (no parameter upstream) upstream
 * of `prediction` that feeds a node using parameters (`linear(X)`, `W * X`), when there is
 * exactly one; else the dataset-bound `feature` input itself.
 */
export function modelInput(doc: GraphFile, prediction: string, feature: string): string {
  const up = upstreamOf(doc, prediction);
  const usesParams = parameterNodes(doc);
  // Everything a parameter reaches is the model's output, not data.
  const model = reach(doc, [...doc.nodes.filter((n) => n.op === 'parameter').map((n) => n.id), ...usesParams], 'down');
  const fromFeature = reach(doc, [feature], 'down');
  const fed = doc.edges.filter((e) => up.has(e.target) && usesParams.has(e.target) && !model.has(e.source) && fromFeature.has(e.source));
  const sources = [...new Set(fed.map((e) => e.source))];
  return sources.length === 1 ? sources[0] : feature;
}

/**
 * The two axes of a regression's data plot, in one space: the y axis is the loss's target
 * (the prediction is in its space); the x axis is the raw feature when the target is raw,
 * else the node the model reads (centred X with centred Y).
 */
export function regressionAxes(doc: GraphFile, feature: string, featureColumn: string, target: string, prediction: string): { x: AxisSpace; y: AxisSpace } {
  const y = axisSpace(doc, target, target);
  const xNode = y.space === 'raw' ? feature : modelInput(doc, prediction, feature);
  return { x: axisSpace(doc, xNode, featureColumn), y };
}
