import { contours, type ContourMultiPolygon } from 'd3-contour';
import { type GraphFile, lookupOp, type PredictionKind, type Program } from '../../engine';
import { type AxisSpace, regressionAxes, upstreamOf } from './axisSpace';

/** What the data-and-model plot can show for a graph. */
export type DataModelSetup =
  | {
      readonly type: 'regression';
      /** The node plotted on x: the raw feature input, or the node the model reads (centred X) when the target is centred too. */
      readonly feature: string;
      readonly featureName: string;
      readonly target: string;
      readonly prediction: string;
      /** Both axes with their space, so the labels say whether the numbers are raw or centred. */
      readonly axes: { readonly x: AxisSpace; readonly y: AxisSpace };
    }
  | {
      readonly type: 'classes';
      readonly feature: string;
      readonly featureNames: readonly [string, string];
      readonly target: string;
      readonly prediction: string;
      /** How the prediction becomes a class (the loss op's `prediction`): a probability, a logit, or one logit per class. */
      readonly decide: PredictionKind;
    }
  | { readonly type: 'none'; readonly reason: 'no_loss' | 'no_feature' | 'unsupported' };

/**
 * Finds the picture for a graph: the loss node's (`loss`: the marked one, or the one the
 * loss rule chose) `input` is the prediction and `target` the target; the feature is the
 * dataset-bound input upstream of the prediction. One column gives data points and the
 * fitted line, with both axes in one space (`regressionAxes`); two columns with a
 * classification loss give the decision regions.
 */
export function dataModelSetup(doc: GraphFile, lossId: string | null = doc.loss): DataModelSetup {
  const loss = doc.nodes.find((n) => n.id === lossId);
  if (!loss) return { type: 'none', reason: 'no_loss' };
  const into = (port: string) => doc.edges.find((e) => e.target === loss.id && e.targetPort === port)?.source;
  const prediction = into('input');
  const target = into('target');
  if (!prediction || !target) return { type: 'none', reason: 'no_loss' };
  const upstream = upstreamOf(doc, prediction);
  const features = doc.nodes.filter((n) => upstream.has(n.id) && n.op === 'input' && n.value?.type === 'columns');
  if (features.length !== 1) return { type: 'none', reason: features.length === 0 ? 'no_feature' : 'unsupported' };
  const f = features[0];
  const cols = f.value?.type === 'columns' ? f.value.columns : [];
  if (cols.length === 1) {
    const axes = regressionAxes(doc, f.id, cols[0], target, prediction);
    return { type: 'regression', feature: axes.x.node, featureName: axes.x.column, target, prediction, axes };
  }
  const def = lookupOp(loss.op);
  const decide = def?.kind === 'op' ? def.prediction : undefined;
  if (cols.length === 2 && decide) return { type: 'classes', feature: f.id, featureNames: [cols[0], cols[1]], target, prediction, decide };
  return { type: 'none', reason: 'unsupported' };
}

/** A data point with the model's prediction at it. */
export interface RegressionPoint {
  readonly x: number;
  readonly y: number;
  readonly pred: number;
}

/** The data (feature, target) with the model's prediction at each x, sorted by x, from a program that has run forward. */
export function regressionPoints(program: Program, setup: Extract<DataModelSetup, { type: 'regression' }>): RegressionPoint[] {
  const xs = program.value(setup.feature).data;
  const ys = program.value(setup.target).data;
  const ps = program.value(setup.prediction).data;
  const n = Math.min(xs.length, ys.length, ps.length);
  const out: RegressionPoint[] = [];
  for (let i = 0; i < n; i++) out.push({ x: xs[i], y: ys[i], pred: ps[i] });
  return out.sort((a, b) => a.x - b.x);
}

/** A labelled point of a two-feature dataset. */
export interface ClassPoint {
  readonly x1: number;
  readonly x2: number;
  readonly label: number;
}

/** The class a row of predictions says. */
export function decideClass(row: ArrayLike<number>, decide: PredictionKind): number {
  if (decide === 'probability') return row[0] >= 0.5 ? 1 : 0;
  if (decide === 'logit') return row[0] >= 0 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
  return best;
}

/** The two-feature data points with their class labels. */
export function classPoints(program: Program, setup: Extract<DataModelSetup, { type: 'classes' }>): ClassPoint[] {
  const x = program.value(setup.feature).data;
  const t = program.value(setup.target).data;
  const n = Math.floor(x.length / 2);
  const out: ClassPoint[] = [];
  for (let i = 0; i < n; i++) out.push({ x1: x[2 * i], x2: x[2 * i + 1], label: Math.round(t[i] ?? 0) });
  return out;
}

/**
 * The predicted class over an n×n grid of the two features (`classes[j * n + i]` at
 * (xs[i], ys[j])): the grid is fed through the feature leaf a batch of rows at a time, and
 * the leaf gets its data back afterwards. `program` is the session's own, lent through
 * `withScratch`, which puts every buffer back.
 */
export function decisionGrid(
  program: Program,
  setup: Extract<DataModelSetup, { type: 'classes' }>,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
): Int32Array {
  const leaf = program.value(setup.feature).data;
  const saved = leaf.slice();
  const rows = Math.floor(leaf.length / 2);
  const pred = program.value(setup.prediction);
  const width = pred.shape.length === 0 ? 1 : pred.data.length / Math.max(1, rows);
  const total = xs.length * ys.length;
  const out = new Int32Array(total);
  const batch = new Float64Array(leaf.length);
  try {
    for (let start = 0; start < total; start += rows) {
      const count = Math.min(rows, total - start);
      for (let r = 0; r < rows; r++) {
        const k = start + Math.min(r, count - 1);
        batch[2 * r] = xs[k % xs.length];
        batch[2 * r + 1] = ys[Math.floor(k / xs.length)];
      }
      program.setLeafData(setup.feature, batch);
      program.forward();
      for (let r = 0; r < count; r++) out[start + r] = decideClass(pred.data.subarray(r * width, (r + 1) * width), setup.decide);
    }
  } finally {
    program.setLeafData(setup.feature, saved);
    program.forward();
  }
  return out;
}

/** The region predicted as one class, as a contour polygon in grid coordinates. */
export interface ClassRegion {
  readonly cls: number;
  readonly shape: ContourMultiPolygon;
}

/**
 * The regions of a class grid (n×n), one per class present, as polygons in grid coordinates;
 * their shared edges are the decision boundary. Compute the grid one cell beyond the view on
 * every side and clip, so the polygons' closing edges along the grid border stay out of sight.
 */
export function classRegions(classes: Int32Array, n: number): ClassRegion[] {
  const present = [...new Set(classes)].sort((a, b) => a - b);
  return present.map((k) => ({ cls: k, shape: contours().size([n, n]).thresholds([0.5])(Array.from(classes, (c) => (c === k ? 1 : 0)))[0] }));
}
