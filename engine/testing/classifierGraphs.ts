import type { Dataset, Graph, GraphNode } from '../graph/types';
import { fillNormal, seededRandom } from '../tensor/random';
import { feed } from './fixedGraphs';

/** Points around two or three centres, labelled by centre, rounded to 3 decimals (x1, x2, label). */
export function blobRows(centres: readonly (readonly [number, number])[], perClass: number, seed: number): number[][] {
  const rand = seededRandom(seed);
  const noise = new Float64Array(2);
  const rows: number[][] = [];
  for (let i = 0; i < perClass; i++) {
    centres.forEach(([cx, cy], label) => {
      fillNormal(noise, 0, 1.2, rand);
      rows.push([Math.round((cx + noise[0]) * 1000) / 1000, Math.round((cy + noise[1]) * 1000) / 1000, label]);
    });
  }
  return rows;
}

/** The classification losses and the model in front of each: sigmoid → bce, a logit → bce_with_logits, class scores → cross_entropy. */
export type ClassifierKind = 'bce' | 'bce_with_logits' | 'cross_entropy';

/**
 * linear(2, k) on dataset `pts` (x1, x2, label) into a classification loss, with a split
 * `pts_test` of `testRows` rows when asked: small overlapping classes, so accuracies move.
 */
export function classifier(kind: ClassifierKind, trainRows = 24, testRows = 9, seed = 5): Graph {
  const centres: [number, number][] = kind === 'cross_entropy' ? [[-1, 0], [1, 0], [0, 1.5]] : [[-0.7, -0.5], [0.7, 0.5]];
  const perClass = (n: number) => Math.ceil(n / centres.length);
  const table = (n: number, s: number): Dataset => ({ columns: ['x1', 'x2', 'label'], rows: blobRows(centres, perClass(n), s).slice(0, n) });
  const vector = kind === 'cross_entropy';
  const nodes: GraphNode[] = [
    { id: 'X', op: 'input', value: { type: 'columns', dataset: 'pts', columns: ['x1', 'x2'] } },
    { id: 'T', op: 'input', value: { type: 'columns', dataset: 'pts', columns: ['label'], ...(vector ? { vector } : {}) } },
    { id: 'lin', op: 'linear', attrs: { inFeatures: 2, outFeatures: vector ? 3 : 1 }, init: { type: 'default', seed } },
  ];
  const edges = feed('lin', { x: 'X' });
  if (kind === 'bce') {
    nodes.push({ id: 'p', op: 'sigmoid' }, { id: 'loss', op: 'bce' });
    edges.push(...feed('p', { x: 'lin' }), ...feed('loss', { input: 'p', target: 'T' }));
  } else {
    nodes.push({ id: 'loss', op: kind });
    edges.push(...feed('loss', { input: 'lin', target: 'T' }));
  }
  const datasets: Record<string, Dataset> = { pts: table(trainRows, seed) };
  if (testRows > 0) datasets.pts_test = table(testRows, seed + 100);
  return { nodes, edges, loss: 'loss', datasets };
}
