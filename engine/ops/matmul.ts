import type { OpDef } from './types';
import { broadcastIndex } from '../tensor/broadcast';
import { broadcastShapes, formatShape, type Shape, ShapeError, sizeOf } from '../tensor/shape';

/** Sizes of a (batched) product [n, k] · [k, m] and where each batch reads its operands. */
interface MatmulCtx {
  readonly n: number;
  readonly k: number;
  readonly m: number;
  readonly batches: number;
  /** Batch index of a and b for each output batch (null: the same index). */
  readonly ba: Int32Array | null;
  readonly bb: Int32Array | null;
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
    };
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
