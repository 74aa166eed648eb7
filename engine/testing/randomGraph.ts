import type { Graph } from '../graph/types';
import { lookupOp, OPS } from '../ops/registry';
import { seededRandom } from '../tensor/random';
import { type Shape, sameShape } from '../tensor/shape';
import { type Entry, GraphBuilder } from './graphBuilder';
import { buildOp } from './opRecipes';

/** A graph for the differential test, with a name for failure messages. */
export interface NamedGraph {
  readonly name: string;
  readonly graph: Graph;
}

/** What a set of graphs exercises: ops, ranks, broadcasts, `c` fallbacks and leaf kinds. */
export interface GraphFeatures {
  /** Number of graphs each op appears in. */
  readonly ops: Map<string, number>;
  readonly ranks: Set<number>;
  /** Ops with a fallback port (add, sub, mul, div) whose two inputs had different shapes. */
  broadcasts: number;
  /** Ops whose fallback port was left on its attribute (`b` on `c`). */
  fallbacks: number;
  readonly leafKinds: Set<string>;
}

/** A 32-bit seed mixed from several integers. */
function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) h = Math.imul(h ^ (p >>> 0), 0x01000193) >>> 0;
  return h;
}

/** Reduces a non-scalar to a scalar with sum, mean, max or an mse against a constant. */
function toScalar(b: GraphBuilder, t: Entry): Entry | null {
  if (t.shape.length === 0) return t;
  const how = b.choice(['sum', 'mean', 'max', 'mse']);
  if (how === 'max') return b.op('max', [t]) ?? b.op('sum', [t]);
  if (how === 'mse') return b.op('mse', [t, b.leaf(t.shape, { kind: 'constant' })]);
  return b.op(how, [t]);
}

/** Reduces every unconsumed node to a scalar and combines them into the loss, so all nodes feed it. */
function finish(b: GraphBuilder): Entry | null {
  const consumed = new Set(b.edges.map((e) => e.source));
  const tails = b.pool.filter((e) => !consumed.has(e.id));
  let loss: Entry | null = null;
  for (const t of tails) {
    const s = toScalar(b, t);
    if (!s) return null;
    loss = loss === null ? s : (b.op(b.choice(['add', 'add', 'sub', 'mul']), [loss, s]) ?? b.op('add', [loss, s]));
    if (!loss) return null;
  }
  return loss;
}

/**
 * The index-th random graph of a seed: 3–9 ops (the first one cycling through every op),
 * each with inputs reused from earlier nodes or fresh leaves, ending in a scalar loss.
 */
export function randomGraph(seed: number, index: number): NamedGraph {
  for (let attempt = 0; attempt < 100; attempt++) {
    const b = new GraphBuilder(seededRandom(mix(seed, index, attempt)));
    const first = OPS[index % OPS.length];
    const count = b.int(3, 9);
    let added = 0;
    for (let tries = 0; added < count && tries < count * 10; tries++) {
      const op = added === 0 ? first : b.choice(OPS);
      const m = b.mark();
      if (buildOp(b, op)) added++;
      else b.rollback(m);
    }
    if (added === 0) continue;
    const loss = finish(b);
    if (loss?.grad) return { name: `random graph #${index} (seed ${seed})`, graph: { nodes: b.nodes, edges: b.edges, loss: loss.id } };
  }
  throw new Error(`randomGraph could not build graph #${index} for seed ${seed}`);
}

/** `count` reproducible random graphs of a seed. */
export function randomGraphs(seed: number, count: number): NamedGraph[] {
  return Array.from({ length: count }, (_, i) => randomGraph(seed, i));
}

/** An empty feature tally. */
export function emptyFeatures(): GraphFeatures {
  return { ops: new Map(), ranks: new Set(), broadcasts: 0, fallbacks: 0, leafKinds: new Set() };
}

/** Adds what a compiled graph exercises to the tally. */
export function addFeatures(into: GraphFeatures, graph: Graph, shapes: ReadonlyMap<string, Shape>): void {
  const seen = new Set<string>();
  for (const n of graph.nodes) {
    const shape = shapes.get(n.id);
    if (shape) into.ranks.add(shape.length);
    if (n.op === 'input') into.leafKinds.add(n.requiresGrad ? 'input (requiresGrad)' : 'input');
    else if (n.op === 'parameter' || n.op === 'constant') into.leafKinds.add(n.op);
    else seen.add(n.op);
    const def = lookupOp(n.op);
    const ports = def?.kind === 'op' ? def.inputs : [];
    const optional = ports.find((p) => p.fallbackAttr !== undefined);
    if (!optional) continue;
    const wired = ports.map((p) => graph.edges.find((e) => e.target === n.id && e.targetPort === p.name));
    const inShapes = wired.map((e) => (e ? shapes.get(e.source) : undefined));
    const [first] = inShapes;
    if (!wired[ports.indexOf(optional)]) into.fallbacks++;
    else if (first && inShapes.some((s) => s && !sameShape(s, first))) into.broadcasts++;
  }
  for (const op of seen) into.ops.set(op, (into.ops.get(op) ?? 0) + 1);
}
