import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Trainer } from './trainer';
import { linearRegression } from '../testing/graphs';
import { permutation, seededRandom } from '../tensor/random';

/** The course's five people, height and weight, both centred (the shared dataset). */
function heightWeight(): number[][] {
  const path = fileURLToPath(new URL('../../../shared/data/ch03_height_weight.csv', import.meta.url));
  const rows = readFileSync(path, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
  const mean = (j: number) => rows.reduce((s, r) => s + r[j], 0) / rows.length;
  const [mx, my] = [mean(0), mean(1)];
  return rows.map(([x, y]) => [x - mx, y - my]);
}

/** Plain-loop reference: full-batch gradient descent on W·x + B with mean squared error. */
function referenceFit(rows: number[][], lr: number, epochs: number) {
  let [w, b] = [1, 1];
  const losses: number[] = [];
  for (let e = 0; e < epochs; e++) {
    let [loss, gw, gb] = [0, 0, 0];
    for (const [x, y] of rows) {
      const d = w * x + b - y;
      loss += d * d;
      gw += 2 * d * x;
      gb += 2 * d;
    }
    losses.push(loss / rows.length);
    w -= lr * (gw / rows.length);
    b -= lr * (gb / rows.length);
  }
  return { w, b, losses };
}

describe('Trainer', () => {
  it('trains linear(1,1) + mse on centred height/weight like plain gradient descent', () => {
    const rows = heightWeight();
    const t = new Trainer(linearRegression(rows), { optimizer: { type: 'sgd', lr: 0.001 }, epochs: 500 });
    for (let e = 0; e < 500; e++) t.epoch();
    const ref = referenceFit(rows, 0.001, 500);
    const [weight, bias] = t.program.params;
    expect(weight.value[0]).toBeCloseTo(ref.w, 10);
    expect(bias.value[0]).toBeCloseTo(ref.b, 10);
    t.history.forEach((l, i) => expect(l).toBeCloseTo(ref.losses[i], 9));
    expect(t.history[499]).toBeLessThan(t.history[0] / 2);
  });

  it('mini-batches shuffle reproducibly by seed and cover a smaller last batch', () => {
    const rows = heightWeight();
    const run = (seed: number) => {
      const t = new Trainer(linearRegression(rows), { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 3, batchSize: 2, seed });
      for (let e = 0; e < 3; e++) t.epoch();
      return [...t.history, ...t.program.params.map((p) => p.value[0])];
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
    expect(run(7).every(Number.isFinite)).toBe(true);
  });

  it('a batch size of one row per step equals per-sample gradient descent in the seeded order', () => {
    const rows = heightWeight();
    const t = new Trainer(linearRegression(rows), { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 1, batchSize: 1, seed: 3 });
    t.epoch();
    const order = permutation(rows.length, seededRandom(3));
    let [w, b, total] = [1, 1, 0];
    for (const r of order) {
      const [x, y] = rows[r];
      const d = w * x + b - y;
      total += d * d;
      w -= 0.01 * 2 * d * x;
      b -= 0.01 * 2 * d;
    }
    const [weight, bias] = t.program.params;
    expect(weight.value[0]).toBeCloseTo(w, 12);
    expect(bias.value[0]).toBeCloseTo(b, 12);
    expect(t.history[0]).toBeCloseTo(total / rows.length, 12);
  });

  it('a graph without a loss cannot be trained: two mse nodes and none marked', () => {
    const base = linearRegression(heightWeight());
    const g = { ...base, loss: undefined, nodes: [...base.nodes, { id: 'loss2', op: 'mse' }], edges: [...base.edges, { source: 'lin', target: 'loss2', targetPort: 'input' }, { source: 'Y', target: 'loss2', targetPort: 'target' }] };
    expect(() => new Trainer(g, { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 1 })).toThrow(/no loss/);
  });

  it('a graph with one mse node and no loss marked trains from it (the loss rule)', () => {
    const rows = heightWeight();
    const marked = new Trainer(linearRegression(rows), { optimizer: { type: 'sgd', lr: 0.001 }, epochs: 2 });
    const unmarked = new Trainer({ ...linearRegression(rows), loss: undefined }, { optimizer: { type: 'sgd', lr: 0.001 }, epochs: 2 });
    for (let e = 0; e < 2; e++) {
      marked.epoch();
      unmarked.epoch();
    }
    expect(unmarked.program.loss).toBe('loss');
    expect(unmarked.history).toEqual(marked.history);
  });
});
