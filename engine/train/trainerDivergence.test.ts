import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../format/csv';
import type { Graph } from '../graph/types';
import type { OptimizerSettings, ParamState } from '../optim/types';
import { Trainer } from './trainer';

/** The course's Boston RM+LSTAT → PRICE data, raw values. */
function boston() {
  const path = fileURLToPath(new URL('../../../shared/data/boston_rm_lstat_price.csv', import.meta.url));
  const r = parseCsv(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error('boston_rm_lstat_price.csv does not parse');
  return r.dataset;
}

/** The book's model: linear(2,1) with weight and bias 1, loss MSE/2 (mse → scale 0.5), or plain MSE. */
function bostonGraph(half = true): Graph {
  return {
    nodes: [
      { id: 'X', op: 'input', value: { type: 'columns', dataset: 'boston', columns: ['RM', 'LSTAT'] } },
      { id: 'Y', op: 'input', value: { type: 'columns', dataset: 'boston', columns: ['PRICE'] } },
      { id: 'lin', op: 'linear', attrs: { inFeatures: 2, outFeatures: 1 }, params: { weight: { shape: [1, 2], data: Float64Array.of(1, 1) }, bias: { shape: [1], data: Float64Array.of(1) } } },
      { id: 'mse', op: 'mse' },
      ...(half ? [{ id: 'half', op: 'scale', attrs: { k: 0.5 } }] : []),
    ],
    edges: [
      { source: 'X', target: 'lin', targetPort: 'x' },
      { source: 'lin', target: 'mse', targetPort: 'input' },
      { source: 'Y', target: 'mse', targetPort: 'target' },
      ...(half ? [{ source: 'mse', target: 'half', targetPort: 'x' }] : []),
    ],
    loss: half ? 'half' : 'mse',
    datasets: { boston: boston() },
  };
}

/** Trains until the rule fires (or `max` epochs) and returns the trainer. */
function trainToStop(t: Trainer, max = 5000): Trainer {
  for (let e = 0; e < max && !t.divergence; e++) t.epoch();
  return t;
}

/** The parameters and optimizer state after `epochs` epochs of the same run with the rule off. */
function reference(graph: Graph, optimizer: OptimizerSettings, epochs: number) {
  const t = new Trainer(graph, { optimizer, epochs, divergenceFactor: null });
  for (let e = 0; e < epochs; e++) t.epoch();
  return { params: t.program.params.map((p) => Array.from(p.value)), state: t.optimizer.state(), history: t.history };
}

/** Optimizer state as plain arrays, to compare with toEqual. */
const plain = (state: readonly ParamState[]) => state.map((s) => JSON.parse(JSON.stringify(s, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))) as unknown);

describe('Trainer with the divergence rule', () => {
  it('Boston RM+LSTAT, MSE/2, SGD lr 0.01 → stops at epoch 25 (loss past 1e6 × the first), parameters back to epoch 24’s', () => {
    const sgd: OptimizerSettings = { type: 'sgd', lr: 0.01 };
    const t = trainToStop(new Trainer(bostonGraph(), { optimizer: sgd, epochs: 5000 }));
    expect(t.divergence).toMatchObject({ epoch: 25, rule: 'loss-growth', nodes: ['half'], lastGoodEpoch: 24, factor: 1e6 });
    expect(t.history).toHaveLength(26);
    expect(t.divergence?.firstLoss).toBeCloseTo(112.0639816077075, 9);
    expect(t.divergence?.value).toBeGreaterThan(1e6 * t.history[0]);
    expect(t.history[24]).toBeLessThanOrEqual(1e6 * t.history[0]);
    // Epoch 24's values: where epoch 24 measured its loss, i.e. after 24 updates.
    const ref = reference(bostonGraph(), sgd, 24);
    expect(t.program.params.map((p) => Array.from(p.value))).toEqual(ref.params);
    expect(t.program.params.every((p) => p.value.every(Number.isFinite))).toBe(true);
    expect(() => t.epoch()).toThrow(/stopped at epoch 25/);
  });

  it('plain MSE at lr 0.01 → stops at epoch 7; lr 0.1 → epoch 3 (both ran to inf, at 262 and 91, before the rule)', () => {
    expect(trainToStop(new Trainer(bostonGraph(false), { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 5000 })).divergence?.epoch).toBe(7);
    expect(trainToStop(new Trainer(bostonGraph(false), { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 5000 })).divergence?.epoch).toBe(3);
  });

  it('divergenceFactor null → only inf stops it: MSE/2 runs to epoch 1021, parameters back to epoch 1020’s, still finite', () => {
    const t = trainToStop(new Trainer(bostonGraph(), { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 5000, divergenceFactor: null }));
    expect(t.divergence).toMatchObject({ epoch: 1021, rule: 'nonfinite-loss', lastGoodEpoch: 1020, threshold: null });
    expect(t.history.findIndex((l) => l > 1e30)).toBe(99);
    const params = t.program.params.flatMap((p) => Array.from(p.value));
    expect(params.every(Number.isFinite)).toBe(true);
    expect(Math.max(...params.map(Math.abs))).toBeGreaterThan(1e100);
  });

  it('a custom factor → stops as soon as the loss passes first × factor', () => {
    const t = trainToStop(new Trainer(bostonGraph(), { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 5000, divergenceFactor: 10 }));
    const first = t.history[0];
    const k = t.history.findIndex((l) => l > 10 * first);
    expect(t.divergence).toMatchObject({ epoch: k, rule: 'loss-growth', threshold: 10 * first });
  });

  it('SGD with momentum → the momentum buffers go back with the parameters', () => {
    const sgd: OptimizerSettings = { type: 'sgd', lr: 0.02, momentum: 0.9 };
    const t = trainToStop(new Trainer(bostonGraph(), { optimizer: sgd, epochs: 5000 }));
    const good = t.divergence?.lastGoodEpoch as number;
    expect(good).toBeGreaterThan(1);
    const ref = reference(bostonGraph(), sgd, good);
    expect(t.program.params.map((p) => Array.from(p.value))).toEqual(ref.params);
    expect(plain(t.optimizer.state())).toEqual(plain(ref.state));
  });

  it('Adam → the moments and the step count go back with the parameters', () => {
    // At lr 100 Adam's loss swings up to 9.1e5 at epoch 2, settles, then swings to 9.9e5 at epoch 37.
    const adam: OptimizerSettings = { type: 'adam', lr: 100, beta1: 0.5 };
    const t = trainToStop(new Trainer(bostonGraph(), { optimizer: adam, epochs: 5000, divergenceFactor: 8500 }));
    const good = t.divergence?.lastGoodEpoch as number;
    expect(t.divergence).toMatchObject({ epoch: 37, rule: 'loss-growth' });
    const ref = reference(bostonGraph(), adam, good);
    expect(t.program.params.map((p) => Array.from(p.value))).toEqual(ref.params);
    expect(t.optimizer.state()[0].step).toBe(good);
    expect(plain(t.optimizer.state())).toEqual(plain(ref.state));
  });

  it('the very first epoch failing → the parameters and optimizer state stay where the run started', () => {
    const g = bostonGraph();
    const nodes = g.nodes.map((n) => (n.id === 'lin' && n.params ? { ...n, params: { ...n.params, bias: { shape: [1], data: Float64Array.of(Infinity) } } } : n));
    const t = trainToStop(new Trainer({ ...g, nodes }, { optimizer: { type: 'sgd', lr: 0.01, momentum: 0.5 }, epochs: 10 }));
    expect(t.divergence).toMatchObject({ epoch: 0, rule: 'nonfinite-loss', nodes: ['lin'], lastGoodEpoch: null });
    expect(Array.from(t.program.params[0].value)).toEqual([1, 1]);
    expect(t.program.params[1].value[0]).toBe(Infinity);
    expect(t.optimizer.state().map((s) => s.momentumBuffer)).toEqual([null, null]);
  });

  it('mini-batches → the rule runs per epoch and restores the same way', () => {
    const t = trainToStop(new Trainer(bostonGraph(), { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 5000, batchSize: 64, seed: 1 }));
    expect(t.divergence?.rule).toBe('loss-growth');
    expect(t.program.params.every((p) => p.value.every(Number.isFinite))).toBe(true);
  });

  it('a continued run → the growth rule compares with the first loss it is given', () => {
    const t = new Trainer(bostonGraph(), { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 10 }, [], { firstLoss: 1e-4 });
    t.epoch();
    expect(t.divergence).toMatchObject({ epoch: 0, rule: 'loss-growth', threshold: 100 });
  });
});
