import type { Graph, GraphNode } from './types';

/**
 * The suffix that names a dataset's validation split: dataset `iris` trains, `iris_test` (same
 * columns, any number of rows) validates. The page, the CLI and the PyTorch export read it alike.
 */
export const VALIDATION_SUFFIX = '_test';

/** The name of the validation split of dataset `name`. */
export function validationName(name: string): string {
  return name + VALIDATION_SUFFIX;
}

/** The dataset an input reads, when it reads one. */
function datasetOf(node: GraphNode): string | undefined {
  return node.op === 'input' && node.value?.type === 'columns' ? node.value.dataset : undefined;
}

/**
 * The same model on its validation data: every input bound to a dataset that has a split
 * beside it (an own entry `<name>_test`) reads the split instead; everything else, the
 * parameters included, stays as it is. Null when no bound dataset has a split.
 */
export function validationGraph(graph: Graph): Graph | null {
  const datasets = graph.datasets ?? {};
  let any = false;
  const nodes = graph.nodes.map((n) => {
    const name = datasetOf(n);
    // Own entries only, as the engine binds: a dataset name is user text, not a property of Object.prototype.
    if (name === undefined || !Object.hasOwn(datasets, validationName(name)) || n.value?.type !== 'columns') return n;
    any = true;
    return { ...n, value: { ...n.value, dataset: validationName(name) } };
  });
  return any ? { ...graph, nodes } : null;
}

/** The datasets the training graph binds whose validation split the validation graph reads instead, in node order. */
export function splitDatasets(graph: Graph): string[] {
  const datasets = graph.datasets ?? {};
  const out: string[] = [];
  for (const n of graph.nodes) {
    const name = datasetOf(n);
    if (name !== undefined && Object.hasOwn(datasets, validationName(name)) && !out.includes(name)) out.push(name);
  }
  return out;
}
