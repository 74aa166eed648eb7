import type { OpDef } from './types';
import { broadcastIndex } from '../tensor/broadcast';
import { broadcastShapes, formatShape, sameShape, type Shape, ShapeError, sizeOf } from '../tensor/shape';
import { f32 } from '../tensor/float32';
import { addSummedTo } from './float32';

/** Sizes of a (batched) product [n, k] · [k, m] and where each batch reads its operands. */
interface MatmulCtx {
  readonly n: number;
  readonly k: number;
  readonly m: number;
  readonly batches: number;
  /** Batch index of a and b for each output batch (null: the same index). */
  readonly ba: Int32Array | null;
  readonly bb: Int32Array | null;
  /** float32: torch.matmul folds a's batches into rows when a has rank 3 or more and b rank 2 or less. */
  readonly folded: boolean;
  /** float32: torch.matmul folds b's batches into the rows of its transpose when a has rank 2 or less and b rank 3 or more. */
  readonly foldedB: boolean;
  /** float32, when batches are broadcast: each operand's gradient at the broadcast shape, and summed back to its own. */
  readonly expanded: { readonly a: Float64Array; readonly b: Float64Array; readonly shapeA: Shape; readonly shapeB: Shape; readonly reduced: Float64Array } | null;
  readonly shapeA: Shape;
  readonly shapeB: Shape;
}

/** Σ_q a[ao + q·as]·b[bo + q·bs] over n terms in float32, one after another from 0 (the reference BLAS's order). */
function dot32(a: Float64Array, ao: number, as: number, b: Float64Array, bo: number, bs: number, n: number): number {
  let s = 0;
  for (let q = 0; q < n; q++) s = f32(s + f32(a[ao + q * as] * b[bo + q * bs]));
  return s;
}

/** Whether float32's backward goes through expanded gradients: when a batch dimension is broadcast (and torch.matmul does not fold). */
function needsExpansion(a: Shape, b: Shape): boolean {
  if ((a.length >= 3 && b.length <= 2) || (a.length <= 2 && b.length >= 3)) return false;
  const p = plan(a, b);
  return !sameShape(p.aBatch, p.batch) || !sameShape(p.bBatch, p.batch);
}

/** The sizes of the expanded gradients float32's backward holds. */
function expandedSizes(a: Shape, b: Shape): { a: number; b: number } {
  const p = plan(a, b);
  const batches = sizeOf(p.batch);
  return { a: batches * p.n * p.k, b: batches * p.k * p.m };
}

/** Splits matmul operands into batch shape and matrix sizes, as torch.matmul promotes 1-D operands. */
function plan(a: Shape, b: Shape) {
  if (a.length === 0 || b.length === 0) {
    throw new ShapeError('matmul_rank', { a: formatShape(a), b: formatShape(b) });
  }
  const am = a.length === 1 ? [1, a[0]] : a.slice(-2);
  const bm = b.length === 1 ? [b[0], 1] : b.slice(-2);
  if (am[1] !== bm[0]) {
    throw new ShapeError('matmul_inner', { a: formatShape(a), b: formatShape(b), left: am[1], right: bm[0] });
  }
  const aBatch = a.slice(0, -2);
  const bBatch = b.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch);
  const out = [...batch];
  if (a.length > 1) out.push(am[0]);
  if (b.length > 1) out.push(bm[1]);
  return { n: am[0], k: am[1], m: bm[1], aBatch, bBatch, batch, out };
}

/** `matmul`: the matrix product with torch.matmul's rules (1-D operands, broadcast batches). */
export const matmul: OpDef<Record<string, never>, MatmulCtx> = {
  kind: 'op',
  name: 'matmul',
  group: 'layers',
  formula: 'y = a @ b',
  inputs: [{ name: 'a' }, { name: 'b' }],
  attrs: [],
  gradFn: 'MmBackward0',
  shape: ([a, b]) => plan(a, b).out,
  prepare({ inputs: [a, b] }) {
    const p = plan(a, b);
    return {
      n: p.n,
      k: p.k,
      m: p.m,
      batches: sizeOf(p.batch),
      ba: broadcastIndex(p.aBatch, p.batch),
      bb: broadcastIndex(p.bBatch, p.batch),
      folded: a.length >= 3 && b.length <= 2,
      foldedB: a.length <= 2 && b.length >= 3,
      expanded: needsExpansion(a, b)
        ? {
            a: new Float64Array(expandedSizes(a, b).a),
            b: new Float64Array(expandedSizes(a, b).b),
            shapeA: [...p.batch, p.n, p.k],
            shapeB: [...p.batch, p.k, p.m],
            reduced: new Float64Array(Math.max(sizeOf(a), sizeOf(b))),
          }
        : null,
      shapeA: a,
      shapeB: b,
    };
  },
  scratch({ inputs: [a, b] }) {
    if (!needsExpansion(a, b)) return 0;
    const e = expandedSizes(a, b);
    return e.a + e.b + Math.max(sizeOf(a), sizeOf(b));
  },
  forward([a, b], y, { n, k, m, batches, ba, bb }) {
    for (let t = 0; t < batches; t++) {
      const ao = (ba ? ba[t] : t) * n * k;
      const bo = (bb ? bb[t] : t) * k * m;
      const yo = t * n * m;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          let s = 0;
          for (let q = 0; q < k; q++) s += a[ao + i * k + q] * b[bo + q * m + j];
          y[yo + i * m + j] = s;
        }
      }
    }
  },
  // d(AB)/dA = G Bᵀ, d(AB)/dB = Aᵀ G, summed over broadcast batches
  backward([a, b], _y, g, [ga, gb], { n, k, m, batches, ba, bb }) {
    for (let t = 0; t < batches; t++) {
      const ao = (ba ? ba[t] : t) * n * k;
      const bo = (bb ? bb[t] : t) * k * m;
      const go = t * n * m;
      if (ga) {
        for (let i = 0; i < n; i++) {
          for (let q = 0; q < k; q++) {
            let s = 0;
            for (let j = 0; j < m; j++) s += g[go + i * m + j] * b[bo + q * m + j];
            ga[ao + i * k + q] += s;
          }
        }
      }
      if (gb) {
        for (let q = 0; q < k; q++) {
          for (let j = 0; j < m; j++) {
            let s = 0;
            for (let i = 0; i < n; i++) s += a[ao + i * k + q] * g[go + i * m + j];
            gb[bo + q * m + j] += s;
          }
        }
      }
    }
  },
  float32: {
    // Each element a dot product from 0, as the reference BLAS's sgemm (and bmm's own loop) adds it.
    forward([a, b], y, { n, k, m, batches, ba, bb }) {
      for (let t = 0; t < batches; t++) {
        const ao = (ba ? ba[t] : t) * n * k;
        const bo = (bb ? bb[t] : t) * k * m;
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < m; j++) y[t * n * m + i * m + j] = dot32(a, ao + i * k, 1, b, bo + j, m, k);
        }
      }
    },
    // G Bᵀ and Aᵀ G per batch as dot products from 0; folded batches make b's one long dot product
    // over every row (a's, when b is the batched one: PyTorch multiplies b's transpose, its batches
    // folded into rows, by a); broadcast batches are summed back by torch.sum's order.
    backward([a, b], _y, g, [ga, gb], ctx) {
      const { n, k, m, batches, ba, bb, folded, foldedB, expanded } = ctx;
      if (folded) {
        const rows = batches * n;
        if (ga) for (let r = 0; r < rows; r++) for (let q = 0; q < k; q++) ga[r * k + q] = f32(ga[r * k + q] + dot32(g, r * m, 1, b, q * m, 1, m));
        if (gb) for (let q = 0; q < k; q++) for (let j = 0; j < m; j++) gb[q * m + j] = f32(gb[q * m + j] + dot32(a, q, k, g, j, m, rows));
        return;
      }
      if (foldedB) {
        if (ga) {
          for (let i = 0; i < n; i++) {
            for (let q = 0; q < k; q++) {
              // One sum over every batch's columns, batch after batch: the rows of b's folded transpose.
              let s = 0;
              for (let t = 0; t < batches; t++) {
                const go = t * n * m + i * m;
                const bo = t * k * m + q * m;
                for (let j = 0; j < m; j++) s = f32(s + f32(g[go + j] * b[bo + j]));
              }
              ga[i * k + q] = f32(ga[i * k + q] + s);
            }
          }
        }
        if (gb) {
          for (let t = 0; t < batches; t++) {
            for (let q = 0; q < k; q++) {
              for (let j = 0; j < m; j++) gb[t * k * m + q * m + j] = f32(gb[t * k * m + q * m + j] + dot32(a, q, k, g, t * n * m + j, m, n));
            }
          }
        }
        return;
      }
      const outA = expanded ? expanded.a : ga;
      const outB = expanded ? expanded.b : gb;
      for (let t = 0; t < batches; t++) {
        const ao = (ba ? ba[t] : t) * n * k;
        const bo = (bb ? bb[t] : t) * k * m;
        const go = t * n * m;
        // Expanded gradients are laid out per output batch; in place, per the operand's own batch.
        const ea = expanded ? t * n * k : ao;
        const eb = expanded ? t * k * m : bo;
        if (ga && outA) {
          for (let i = 0; i < n; i++) {
            for (let q = 0; q < k; q++) {
              const v = dot32(g, go + i * m, 1, b, bo + q * m, 1, m);
              outA[ea + i * k + q] = expanded ? v : f32(outA[ea + i * k + q] + v);
            }
          }
        }
        if (gb && outB) {
          for (let q = 0; q < k; q++) {
            for (let j = 0; j < m; j++) {
              const v = dot32(a, ao + q, k, g, go + j, m, n);
              outB[eb + q * m + j] = expanded ? v : f32(outB[eb + q * m + j] + v);
            }
          }
        }
      }
      if (!expanded) return;
      if (ga) addSummedTo(expanded.a, expanded.shapeA, ctx.shapeA.length === 1 ? [1, ctx.shapeA[0]] : ctx.shapeA, expanded.reduced, ga);
      if (gb) addSummedTo(expanded.b, expanded.shapeB, ctx.shapeB.length === 1 ? [ctx.shapeB[0], 1] : ctx.shapeB, expanded.reduced, gb);
    },
  },
  torchCall: { functions: ['torch.matmul'], methods: ['matmul'] },
  torch: ([a, b]) => `torch.matmul(${a}, ${b})`,
  explain: {
    forward: ({ a, b }) => `(${a})·(${b}) + …`,
    backward: {
      a: { derivative: '∂(AB)/∂A = Bᵀ', gradIn: 'grad_A = grad_out·Bᵀ', numbers: ({ b, g }) => `(${g})·(${b}) + …`, note: 'broadcast' },
      b: { derivative: '∂(AB)/∂B = Aᵀ', gradIn: 'grad_B = Aᵀ·grad_out', numbers: ({ a, g }) => `(${a})·(${g}) + …`, note: 'broadcast' },
    },
  },
  recipe: { inputs: { a: { type: 'operand', minRank: 1 }, b: { type: 'matmul', of: 'a' } }, swap: true },
  domain: {},
};
