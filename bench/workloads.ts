import { fillUniform, seededRandom, type Random } from '../engine/tensor/random';

/** One `linear` layer in nn.Linear layout (`weight [out, in]`, `bias [out]`) with its starting values. */
export interface LayerSpec {
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weight: Float64Array;
  readonly bias: Float64Array;
}

/** Regression: `rows` samples, linear layers with `square` between them, MSE against one target column; SGD. */
export interface MlpWorkload {
  readonly kind: 'mlp';
  readonly id: string;
  readonly title: string;
  readonly rows: number;
  /** Inputs, row-major `[rows, layers[0].inFeatures]`. */
  readonly x: Float64Array;
  /** Targets, `[rows, 1]`. */
  readonly y: Float64Array;
  readonly layers: readonly LayerSpec[];
  readonly lr: number;
}

/** A chain of scalar ops cycling square, scale by `k`, add `c`, from `start`; its end is the loss (no update). */
export interface ChainWorkload {
  readonly kind: 'chain';
  readonly id: string;
  readonly title: string;
  /** Number of op nodes (the start leaf not counted). */
  readonly length: number;
  readonly start: number;
  readonly k: number;
  readonly c: number;
}

/** Any benchmark workload. */
export type Workload = MlpWorkload | ChainWorkload;

/** The learning rate of every SGD workload: small, so thousands of timed steps stay finite. */
export const LEARNING_RATE = 1e-3;

/** Uniform values in [-bound, bound). */
function uniform(n: number, bound: number, rand: Random): Float64Array {
  const out = new Float64Array(n);
  fillUniform(out, -bound, bound, rand);
  return out;
}

/** A layer initialised like nn.Linear: uniform in ±1/√inFeatures for both weight and bias. */
function layer(inFeatures: number, outFeatures: number, rand: Random): LayerSpec {
  const bound = 1 / Math.sqrt(inFeatures);
  return {
    inFeatures,
    outFeatures,
    weight: uniform(outFeatures * inFeatures, bound, rand),
    bias: uniform(outFeatures, bound, rand),
  };
}

/**
 * A seeded regression workload: x uniform in [-1, 1), y = `target(row)` plus small noise,
 * layers of the given widths (`[in, hidden…, 1]`).
 */
export function mlpWorkload(
  id: string,
  title: string,
  rows: number,
  widths: readonly number[],
  target: (row: Float64Array) => number,
  seed: number,
): MlpWorkload {
  const rand = seededRandom(seed);
  const nIn = widths[0];
  const x = uniform(rows * nIn, 1, rand);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) y[r] = target(x.subarray(r * nIn, (r + 1) * nIn)) + 0.05 * (rand() - 0.5);
  const layers = widths.slice(1).map((w, i) => layer(widths[i], w, rand));
  return { kind: 'mlp', id, title, rows, x, y, layers, lr: LEARNING_RATE };
}

/** A scalar chain of `length` ops from x = 0.3; x → 0.5x² + 0.1 has a stable fixed point near 0.106. */
export function chainWorkload(id: string, title: string, length: number): ChainWorkload {
  return { kind: 'chain', id, title, length, start: 0.3, k: 0.5, c: 0.1 };
}

/** The four workloads of the benchmark, built from fixed seeds. */
export function benchWorkloads(): Workload[] {
  const w13 = Float64Array.from({ length: 13 }, (_, i) => Math.cos(i + 1));
  return [
    mlpWorkload('W1', 'linear regression, N=100, linear(1,1), MSE', 100, [1, 1], (x) => 2 * x[0] - 0.5, 1),
    mlpWorkload('W2', 'N=10,000, linear(13,1), MSE', 10_000, [13, 1], (x) => x.reduce((s, v, i) => s + v * w13[i], 0.3), 2),
    mlpWorkload('W3', 'N=1,000, linear(2,16)→sq→linear(16,16)→sq→linear(16,1), MSE', 1_000, [2, 16, 16, 1], (x) => x[0] * x[1] + 0.5 * x[0] * x[0], 3),
    chainWorkload('W4', 'chain of 10,000 scalar ops (square, ×0.5, +0.1), fwd+bwd', 10_000),
  ];
}
