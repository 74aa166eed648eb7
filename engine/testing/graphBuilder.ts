import type { GraphEdge, GraphNode, LeafValue } from '../graph/types';
import { resolveAttrs } from '../ops/attrs';
import { LEAVES, lookupOp } from '../ops/registry';
import type { AnyOpDef, Attrs } from '../ops/types';
import type { Random } from '../tensor/random';
import { broadcastShapes, MAX_RANK, type Shape, ShapeError, sizeOf } from '../tensor/shape';
import { arange, type Tensor } from '../tensor/tensor';
import { inputsValid, outputValid } from './domains';

/** A node the builder has evaluated: its op, shape, values and whether it requires grad. */
export interface Entry {
  readonly id: string;
  readonly op: string;
  readonly shape: Shape;
  readonly data: Float64Array;
  readonly grad: boolean;
}

/** The four kinds of leaf: constant, input without and with requiresGrad, parameter. */
export type LeafKind = 'constant' | 'input' | 'input_grad' | 'parameter';

/** How to fill a new leaf: its kind and values (random in ±[0.2, 1.5] by default). */
export interface LeafOptions {
  readonly kind?: LeafKind;
  /** Uniform values in [min, max] instead of the default signed magnitudes. */
  readonly min?: number;
  readonly max?: number;
  /** Exact values. */
  readonly values?: readonly number[];
}

/** A point to roll the builder back to when an op turns out invalid. */
interface Mark {
  readonly nodes: number;
  readonly edges: number;
  readonly pool: number;
}

/** Op names of leaf nodes. */
const LEAF_OPS = new Set(LEAVES.map((d) => d.name));

/** True when two shapes broadcast to a shape of rank ≤ 4. */
export function broadcastable(a: Shape, b: Shape): boolean {
  try {
    return broadcastShapes(a, b).length <= MAX_RANK;
  } catch (e) {
    if (e instanceof ShapeError) return false;
    throw e;
  }
}

/** Grows a graph node by node, evaluating each op with the engine's kernels to keep domains valid. */
export class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  readonly pool: Entry[] = [];
  private next = 0;

  constructor(readonly rand: Random) {}

  /** A uniform number in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.rand();
  }

  /** A uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.rand() < p;
  }

  /** A random element of a non-empty list. */
  choice<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)];
  }

  /** A magnitude in [lo, hi) with a random sign. */
  signed(lo: number, hi: number): number {
    return (this.chance(0.5) ? -1 : 1) * this.uniform(lo, hi);
  }

  /** A random shape of rank minRank..maxRank with lengths 1..3. */
  shape(minRank = 0, maxRank = MAX_RANK): number[] {
    const rank = this.int(minRank, maxRank);
    return Array.from({ length: rank }, () => this.int(1, 3));
  }

  /** The current state, for rollback. */
  mark(): Mark {
    return { nodes: this.nodes.length, edges: this.edges.length, pool: this.pool.length };
  }

  /** Forgets every node and edge added since the mark. */
  rollback(m: Mark): void {
    this.nodes.length = m.nodes;
    this.edges.length = m.edges;
    this.pool.length = m.pool;
  }

  /** A random pool entry passing the filter, or undefined. */
  pick(filter: (e: Entry) => boolean): Entry | undefined {
    const found = this.pool.filter(filter);
    return found.length > 0 ? this.choice(found) : undefined;
  }

  /** Reuses a pool entry passing the filter (usually, preferring op outputs to build depth), or makes a fresh operand. */
  operand(filter: (e: Entry) => boolean, make: () => Entry | null): Entry | null {
    if (this.chance(0.7)) {
      const e = (this.chance(0.75) ? this.pick((x) => !LEAF_OPS.has(x.op) && filter(x)) : undefined) ?? this.pick(filter);
      if (e) return e;
    }
    return make();
  }

  /** Adds a leaf of the given shape. */
  leaf(shape: Shape, options: LeafOptions = {}): Entry {
    const id = `n${this.next++}`;
    const kind = options.kind ?? this.choice<LeafKind>(['constant', 'input', 'input_grad', 'input_grad', 'parameter', 'parameter']);
    const n = sizeOf(shape);
    const { min, max } = options;
    let data: Float64Array = options.values
      ? Float64Array.from(options.values)
      : Float64Array.from({ length: n }, () => (min !== undefined && max !== undefined ? this.uniform(min, max) : this.signed(0.2, 1.5)));
    let value: LeafValue = { type: 'tensor', shape: [...shape], data: [...data] };
    if (shape.length === 1 && !options.values && min === undefined && this.chance(0.15)) {
      // An arange input: start + i·step, never exactly 0.
      const step = this.choice([0.5, 0.75, 1.25]);
      const start = this.choice([-1.3, -0.6, 0.3]);
      data = arange(start, start + step * (shape[0] - 0.5), step).data;
      value = { type: 'arange', start, end: start + step * (shape[0] - 0.5), step };
    }
    let node: GraphNode;
    if (kind === 'parameter') {
      node = { id, op: 'parameter', shape: [...shape], params: { value: { shape: [...shape], data: data.slice() } } };
    } else {
      node = { id, op: kind === 'constant' ? 'constant' : 'input', value, ...(kind === 'input_grad' ? { requiresGrad: true } : {}) };
    }
    this.nodes.push(node);
    const entry: Entry = { id, op: node.op, shape: [...shape], data, grad: kind === 'parameter' || kind === 'input_grad' };
    this.pool.push(entry);
    return entry;
  }

  /**
   * Adds an op fed by the entries (null leaves a port on its fallback attribute), evaluates it
   * with the engine's kernels, and returns its entry; null when the shapes or domains are invalid.
   */
  op(name: string, inputs: readonly (Entry | null)[], rawAttrs: Attrs = {}, params?: Record<string, Tensor>): Entry | null {
    const def = lookupOp(name) as AnyOpDef;
    const { attrs, errors } = resolveAttrs(def.attrs, rawAttrs);
    if (errors.length > 0) throw new Error(`${name}: ${errors.map((e) => `${e.name} ${e.message}`).join('; ')}`);
    const inShapes = def.inputs.map((_, i) => inputs[i]?.shape ?? []);
    let shape: Shape;
    try {
      shape = def.shape(inShapes, attrs);
    } catch (e) {
      if (e instanceof ShapeError) return null;
      throw e;
    }
    if (shape.length > MAX_RANK) return null;
    const specs = def.params ? def.params(attrs) : [];
    const own = specs.map((s) => {
      const t = params?.[s.name];
      if (!t) throw new Error(`${name} needs explicit values for its parameter '${s.name}'`);
      return t;
    });
    const x = def.inputs.map((p, i) => inputs[i]?.data ?? Float64Array.of(attrs[p.fallbackAttr as string] as number));
    if (!inputsValid(def, x.map((data, i) => ({ shape: inShapes[i], data, op: inputs[i]?.op, grad: inputs[i]?.grad ?? false })), attrs)) return null;
    const y = new Float64Array(sizeOf(shape));
    try {
      const ctx = def.prepare({ inputs: [...inShapes, ...own.map((t) => t.shape)], output: shape }, attrs);
      def.forward([...x, ...own.map((t) => t.data)], y, ctx);
    } catch {
      return null;
    }
    if (!outputValid(y)) return null;
    const id = `n${this.next++}`;
    this.nodes.push({ id, op: name, attrs: rawAttrs, ...(params ? { params } : {}) });
    def.inputs.forEach((p, i) => {
      const src = inputs[i];
      if (src) this.edges.push({ source: src.id, target: id, targetPort: p.name });
    });
    // A gradient flows only through differentiable ports (argmax's output never requires one).
    const grad = specs.length > 0 || inputs.some((e, i) => e?.grad === true && def.inputs[i].differentiable !== false);
    const entry: Entry = { id, op: name, shape, data: y, grad };
    this.pool.push(entry);
    return entry;
  }
}
