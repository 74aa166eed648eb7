import type { Attrs } from '../ops/types';
import type { Shape } from '../tensor/shape';
import { sameShape } from '../tensor/shape';
import { tensor } from '../tensor/tensor';
import { isLabels, isTarget } from './domains';
import { broadcastable, type Entry, type GraphBuilder } from './graphBuilder';

/** Adds one op (and any leaves or helper ops it needs) to the builder; null when it did not fit. */
export type Recipe = (b: GraphBuilder) => Entry | null;

const any = (): boolean => true;
const all = (e: Entry, ok: (v: number) => boolean): boolean => e.data.every(ok);
const within = (limit: number) => (e: Entry) => all(e, (v) => Math.abs(v) <= limit);
const awayFromZero = (margin: number) => (e: Entry) => all(e, (v) => Math.abs(v) >= margin);
const positive = (e: Entry): boolean => all(e, (v) => v >= 0.05);

/** A pool entry or a fresh leaf of random shape. */
const operand = (b: GraphBuilder, filter: (e: Entry) => boolean = any, minRank = 0): Entry | null =>
  b.operand((e) => e.shape.length >= minRank && filter(e), () => b.leaf(b.shape(minRank)));

/** A strictly positive operand: an existing one, exp(x), x² + c, or a positive leaf. */
function positiveOperand(b: GraphBuilder): Entry | null {
  switch (b.int(0, 3)) {
    case 0:
      return b.pick(positive) ?? b.leaf(b.shape(), { min: 0.2, max: 2 });
    case 1: {
      const x = operand(b, within(2.5));
      return x && b.op('exp', [x]);
    }
    case 2: {
      const x = operand(b, within(20));
      const sq = x && b.op('square', [x]);
      return sq && b.op('add', [sq, null], { c: b.uniform(0.1, 1) });
    }
    default:
      return b.leaf(b.shape(), { min: 0.2, max: 2 });
  }
}

/** A shape that broadcasts against `s`: equal, a suffix, with ones, with new leading axes, or two-sided. */
function partnerShape(b: GraphBuilder, s: Shape): number[] {
  let out = [...s];
  if (b.chance(0.35)) out = out.slice(b.int(0, out.length));
  if (b.chance(0.4)) out = out.map((d) => (b.chance(0.5) ? 1 : d));
  // Two-sided: where `s` has length 1 the partner may be longer.
  if (b.chance(0.3)) out = out.map((d, i) => (s[s.length - out.length + i] === 1 && b.chance(0.5) ? b.int(2, 3) : d));
  if (b.chance(0.25) && out.length < 4) out = [...b.shape(1, 4 - out.length), ...out];
  return out;
}

/** add/sub/mul/div: the `c` fallback, one tensor on both ports, or a broadcasting partner. */
function binary(op: 'add' | 'sub' | 'mul' | 'div'): Recipe {
  return (b) => {
    const denominator = op === 'div' ? awayFromZero(0.2) : any;
    const a = operand(b);
    if (!a) return null;
    const r = b.rand();
    if (r < 0.2) {
      const c = op === 'div' ? b.signed(0.3, 2) : b.signed(0.1, 2);
      return b.op(op, [a, null], b.chance(0.8) ? { c } : {});
    }
    if (r < 0.27 && denominator(a)) return b.op(op, [a, a]);
    const shape = partnerShape(b, a.shape);
    const other = b.operand(
      (e) => e !== a && broadcastable(e.shape, a.shape) && denominator(e),
      () => b.leaf(shape),
    );
    if (!other) return null;
    if (op === 'div') return b.op(op, [a, other]);
    return b.chance(0.5) ? b.op(op, [a, other]) : b.op(op, [other, a]);
  };
}

/** Batch axes broadcasting against `batch`, keeping the total rank within `room`. */
function batchPartner(b: GraphBuilder, batch: Shape, room: number): number[] {
  const out = partnerShape(b, batch);
  return out.slice(Math.max(0, out.length - room));
}

/** matmul: 1-D operands, matrices and broadcast batches, as torch.matmul promotes them. */
const matmul: Recipe = (b) => {
  const x = operand(b, (e) => e.shape.length >= 1, 1);
  if (!x) return null;
  const s = x.shape;
  const m = b.int(1, 3);
  const asA = b.chance(0.5);
  let other: number[];
  if (asA) {
    const k = s[s.length - 1];
    other = b.choice([[k], [k, m], [...batchPartner(b, s.slice(0, -2), 2), k, m]]);
  } else {
    const k = s.length === 1 ? s[0] : s[s.length - 2];
    other = b.choice([[k], [m, k], [...batchPartner(b, s.slice(0, -2), 2), m, k]]);
  }
  const y = b.operand((e) => sameShape(e.shape, other), () => b.leaf(other));
  return y && (asA ? b.op('matmul', [x, y]) : b.op('matmul', [y, x]));
};

/** linear with explicit weight and bias, on any tensor of rank ≥ 1. */
const linear: Recipe = (b) => {
  const x = operand(b, within(50), 1);
  if (!x) return null;
  const nIn = x.shape[x.shape.length - 1];
  const nOut = b.int(1, 3);
  const weight = tensor([nOut, nIn], Array.from({ length: nOut * nIn }, () => b.signed(0.1, 1)));
  const bias = tensor([nOut], Array.from({ length: nOut }, () => b.signed(0.05, 0.8)));
  return b.op('linear', [x], { inFeatures: nIn, outFeatures: nOut }, { weight, bias });
};

/** sum or mean over everything or one axis, with or without keepdim. */
function reduction(op: 'sum' | 'mean'): Recipe {
  return (b) => {
    const x = operand(b);
    if (!x) return null;
    const r = Math.max(x.shape.length, 1);
    if (b.chance(0.15)) return b.op(op, [x]);
    const axis = b.chance(0.35) ? null : b.int(-r, r - 1);
    return b.op(op, [x], { axis, keepdim: b.chance(0.4) });
  };
}

/** A target in [0, 1] of the given shape: hard 0/1 labels or soft probabilities, sometimes requiring grad. */
function bceTarget(b: GraphBuilder, shape: Shape): Entry {
  const reuse = b.pick((e) => sameShape(e.shape, shape) && isTarget(e.data));
  if (reuse && b.chance(0.5)) return reuse;
  const n = shape.reduce((p, d) => p * d, 1);
  const hard = b.chance(0.5);
  const values = Array.from({ length: n }, () => (hard ? b.int(0, 1) : b.uniform(0, 1)));
  return b.leaf(shape, { kind: b.choice(['constant', 'input', 'input_grad']), values });
}

/** An elementwise loss with a random reduction (sometimes left at its default). */
const reductionAttrs = (b: GraphBuilder): Attrs => (b.chance(0.2) ? {} : { reduction: b.choice(['mean', 'sum']) });

/** A sigmoid output in [1e-3, 1 − 1e-3]: reused, or sigmoid of a moderate operand. */
function probabilities(b: GraphBuilder): Entry | null {
  const p = b.pick((e) => e.op === 'sigmoid');
  if (p && b.chance(0.5)) return p;
  const x = operand(b, within(6));
  return x && b.op('sigmoid', [x]);
}

/** Every op's recipe, by op name. */
export const RECIPES: Readonly<Record<string, Recipe>> = {
  square: (b) => {
    const x = operand(b, within(50));
    return x && b.op('square', [x]);
  },
  scale: (b) => {
    const x = operand(b);
    return x && b.op('scale', [x], b.chance(0.85) ? { k: b.signed(0.2, 3) } : {});
  },
  add: binary('add'),
  sub: binary('sub'),
  mul: binary('mul'),
  div: binary('div'),
  sum: reduction('sum'),
  mean: reduction('mean'),
  linear,
  matmul,
  neg: (b) => {
    const x = operand(b);
    return x && b.op('neg', [x]);
  },
  pow: (b) => {
    const p = b.choice([2, 3, 4, 0, 1, -1, -2, 0.5, -0.5, 1.5, 2.5, -1.5, 0.25]);
    const x = Number.isInteger(p) ? operand(b, p < 0 ? awayFromZero(0.3) : within(10)) : positiveOperand(b);
    return x && b.op('pow', [x], { p });
  },
  exp: (b) => {
    const x = operand(b, (e) => all(e, (v) => v <= 3));
    return x && b.op('exp', [x]);
  },
  log: (b) => {
    const x = positiveOperand(b);
    return x && b.op('log', [x]);
  },
  sigmoid: (b) => {
    const x = operand(b, within(6));
    return x && b.op('sigmoid', [x]);
  },
  tanh: (b) => {
    const x = operand(b, within(4));
    return x && b.op('tanh', [x]);
  },
  relu: (b) => {
    const x = operand(b, awayFromZero(1e-3));
    return x && b.op('relu', [x]);
  },
  softmax: (b) => {
    const x = operand(b, within(20), 1);
    if (!x) return null;
    const r = x.shape.length;
    return b.op('softmax', [x], b.chance(0.2) ? {} : { axis: b.int(-r, r - 1) });
  },
  max: (b) => {
    const x = operand(b);
    return x && b.op('max', [x]);
  },
  mse: (b) => {
    const x = operand(b);
    if (!x) return null;
    const t = b.operand((e) => sameShape(e.shape, x.shape), () => b.leaf(x.shape));
    return t && b.op('mse', [x, t], reductionAttrs(b));
  },
  bce: (b) => {
    const p = probabilities(b);
    return p && b.op('bce', [p, bceTarget(b, p.shape)], reductionAttrs(b));
  },
  bce_with_logits: (b) => {
    const x = operand(b, within(15));
    return x && b.op('bce_with_logits', [x, bceTarget(b, x.shape)], reductionAttrs(b));
  },
  cross_entropy: (b) => {
    const logits = b.operand((e) => e.shape.length === 2 && e.shape[1] >= 2, () => b.leaf([b.int(1, 4), b.int(2, 4)]));
    if (!logits) return null;
    const [rows, classes] = logits.shape;
    const reuse = b.pick((e) => !e.grad && sameShape(e.shape, [rows]) && isLabels(e.data, classes));
    const labels =
      reuse && b.chance(0.4)
        ? reuse
        : b.leaf([rows], { kind: b.choice(['constant', 'input']), values: Array.from({ length: rows }, () => b.int(0, classes - 1)) });
    return b.op('cross_entropy', [logits, labels], reductionAttrs(b));
  },
};
