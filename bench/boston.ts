import { readFileSync } from 'node:fs';
import { Trainer } from '../engine/train/trainer';
import { bostonHalfMse, numericRows } from '../engine/testing/graphs';

/** W5: the course's Boston run end to end: RM → PRICE, linear(1,1) from weight and bias 1.0, MSE/2, SGD lr 0.01, 50,000 full-batch epochs. */
export interface BostonWorkload {
  readonly id: 'W5';
  readonly title: string;
  /** Rows of [RM, PRICE]. */
  readonly rows: readonly (readonly number[])[];
  readonly epochs: number;
  readonly lr: number;
}

/** The workload from ../shared/data/boston_rm_price.csv (506 rows), with `epochs` epochs (50,000 as the course runs it). */
export function bostonWorkload(epochs = 50_000): BostonWorkload {
  const csv = readFileSync(new URL('../../shared/data/boston_rm_price.csv', import.meta.url), 'utf8');
  return { id: 'W5', title: `Boston RM → PRICE, 506 rows, linear(1,1), MSE/2, SGD, ${epochs.toLocaleString('en')} epochs end to end`, rows: numericRows(csv), epochs, lr: 0.01 };
}

/** What a whole run ends with: the last epoch's loss and the weight and bias. */
export interface BostonResult {
  readonly loss: number;
  readonly weight: number;
  readonly bias: number;
}

/** The engine's run, as the CLI and the training worker make it: a Trainer on the graph, every epoch through the divergence rule. */
export function bostonEngine(w: BostonWorkload, interpreted = false): BostonResult {
  const trainer = new Trainer(bostonHalfMse(w.rows), { optimizer: { type: 'sgd', lr: w.lr }, epochs: w.epochs, batchSize: null }, [], {}, { interpreted });
  let loss = NaN;
  for (let e = 0; e < w.epochs; e++) loss = trainer.epoch();
  const [weight, bias] = trainer.program.params.map((p) => p.value[0]);
  return { loss, weight, bias };
}

/**
 * One epoch by hand: p = x·w + b, d = p − t, loss = ½·Σd²/N; each row's gradient ½·(2/N)·d
 * summed for ∂b and, times x, for ∂w; then w −= lr·∂w, b −= lr·∂b. The engine's arithmetic in
 * its order (mse's 2/N and then the ½ from the scale node's backward).
 */
function bostonEpoch(x: Float64Array, t: Float64Array, rows: number, wb: Float64Array, lr: number): number {
  const norm = 2 / rows;
  const w0 = wb[0];
  const b0 = wb[1];
  let s = 0;
  let gb = 0;
  let gw = 0;
  for (let r = 0; r < rows; r++) {
    const xr = x[r];
    const d = xr * w0 + b0 - t[r];
    s += d * d;
    const v = norm * d * 0.5;
    gb += v;
    gw += v * xr;
  }
  wb[0] = w0 + -lr * gw;
  wb[1] = b0 + -lr * gb;
  return 0.5 * (s / rows);
}

/** The fused peer: the same run as one hand-written loop over Float64Arrays. */
export function bostonFused(w: BostonWorkload): BostonResult {
  const x = Float64Array.from(w.rows, (r) => r[0]);
  const t = Float64Array.from(w.rows, (r) => r[1]);
  const wb = Float64Array.of(1, 1);
  let loss = NaN;
  for (let e = 0; e < w.epochs; e++) loss = bostonEpoch(x, t, x.length, wb, w.lr);
  return { loss, weight: wb[0], bias: wb[1] };
}
