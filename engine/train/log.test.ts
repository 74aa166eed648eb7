import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import type { Program } from '../exec/program';
import type { Graph } from '../graph/types';
import { validationGraph } from '../graph/validation';
import { classifier } from '../testing/classifierGraphs';
import { feed } from '../testing/fixedGraphs';
import { logColumns, logLine, logsEpoch, MeasuredTraining } from './log';
import { AccuracyMeter } from './metrics';
import { Trainer, type TrainSettings } from './trainer';
import { createOptimizer } from '../optim/index';
import { permutation, seededRandom } from '../tensor/random';

const settings: TrainSettings = { optimizer: { type: 'sgd', lr: 0.5, momentum: 0.5 }, epochs: 6, metrics: { accuracy: true } };

/** Loss and accuracy of a program that has just run forward. */
function measure(p: Program): [number, number] {
  const meter = new AccuracyMeter(p);
  meter.add(p);
  return [p.lossValue(), meter.take()];
}

describe('the training log', () => {
  it('logColumns: epoch,loss, then acc with accuracy, then val_loss (and val_acc) with a split', () => {
    expect(logColumns(false, false)).toEqual(['epoch', 'loss']);
    expect(logColumns(true, false)).toEqual(['epoch', 'loss', 'acc']);
    expect(logColumns(false, true)).toEqual(['epoch', 'loss', 'val_loss']);
    expect(logColumns(true, true)).toEqual(['epoch', 'loss', 'acc', 'val_loss', 'val_acc']);
  });

  it('logLine writes the record in column order, numbers in shortest round-trip form', () => {
    expect(logLine(['epoch', 'loss', 'acc', 'val_loss', 'val_acc'], { epoch: 3, loss: 0.1 + 0.2, acc: 1, val_loss: NaN, val_acc: 2 / 3 })).toBe('3,0.30000000000000004,1,nan,0.6666666666666666');
    expect(logLine(['epoch', 'loss'], { epoch: 4, loss: Infinity })).toBe('4,inf');
    expect(logLine(['epoch', 'loss'], { epoch: 5, loss: -Infinity })).toBe('5,-inf');
  });

  it('logsEpoch: every k-th epoch from 0, and the last', () => {
    expect([0, 1, 2, 3, 4, 5, 6].filter((e) => logsEpoch(e, 3, 6))).toEqual([0, 3, 6]);
    expect([0, 1, 2, 3, 4].filter((e) => logsEpoch(e, 3, 4))).toEqual([0, 3, 4]);
  });

  it.each(['bce', 'bce_with_logits', 'cross_entropy'] as const)(
    '%s: loss and acc of epoch e come from its forward pass before the update, val_loss and val_acc from the parameters after it',
    (kind) => {
      const graph = classifier(kind);
      const run = new MeasuredTraining(graph, settings);
      expect(run.columns).toEqual(['epoch', 'loss', 'acc', 'val_loss', 'val_acc']);
      // The same steps by hand: forward on the training data, one trainer epoch, forward on the split.
      const plain = new Trainer(graph, { ...settings, metrics: undefined });
      const val = compile(validationGraph(graph) as Graph, { shareParamsWith: plain.program }).program as Program;
      const accs = new Set<number>();
      for (let e = 0; e < settings.epochs; e++) {
        plain.program.forward();
        const [, acc] = measure(plain.program);
        const loss = plain.epoch();
        val.forward();
        const [valLoss, valAcc] = measure(val);
        expect(run.epoch()).toEqual({ epoch: e, loss, acc, val_loss: valLoss, val_acc: valAcc });
        accs.add(acc).add(valAcc);
      }
      // The accuracies move as the model learns, so the order of update and measurement is visible.
      expect(accs.size).toBeGreaterThan(2);
    },
  );

  it('mini-batches: acc counts each batch\'s predictions before that batch\'s update, over all rows of the epoch', () => {
    const graph = classifier('cross_entropy', 25);
    const run = new MeasuredTraining(graph, { ...settings, batchSize: 10, seed: 3 });
    // The same epochs by hand: the seeded shuffle, batches of 10, 10 and 5, counted before each step.
    const full = compile(graph).program as Program;
    const optimizer = createOptimizer(settings.optimizer, full.params);
    const rand = seededRandom(3);
    const [x, t] = [full.value('X').data.slice(), full.value('T').data.slice()];
    for (let e = 0; e < 4; e++) {
      const order = permutation(25, rand);
      let hits = 0;
      for (let start = 0; start < 25; start += 10) {
        const rows = Array.from(order.subarray(start, start + 10));
        const batch = compile(graph, { batchRows: rows.length, shareParamsWith: full }).program as Program;
        batch.setLeafData('X', rows.flatMap((r) => [x[2 * r], x[2 * r + 1]]));
        batch.setLeafData('T', rows.map((r) => t[r]));
        optimizer.zeroGrad();
        batch.forward();
        hits += measure(batch)[1] * rows.length;
        batch.backward();
        optimizer.step();
      }
      expect(run.epoch().acc).toBeCloseTo(hits / 25, 14);
    }
  });

  it('accuracy asked of an mse loss: MeasuredTraining refuses it in words, a plain Trainer (the page\'s worker) trains on without it', () => {
    const graph = classifier('bce');
    const mse = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'loss' ? { ...n, op: 'mse' } : n)) };
    expect(() => new MeasuredTraining(mse, settings)).toThrow("accuracy needs the loss to be a classification loss (bce, bce_with_logits, cross_entropy), but the loss 'loss' is mse");
    const trainer = new Trainer(mse, settings);
    trainer.epoch();
    expect(trainer.accuracy).toEqual([]);
  });

  it('without metrics and without a split: only epoch and loss', () => {
    const run = new MeasuredTraining(classifier('bce', 24, 0), { ...settings, metrics: undefined });
    expect(run.columns).toEqual(['epoch', 'loss']);
    expect(Object.keys(run.epoch())).toEqual(['epoch', 'loss']);
  });

  it('an update that makes a parameter infinite is not validated: val_loss and val_acc are NaN at the epoch the rule stops', () => {
    // loss = Σ w·x with x = [1e308, 5e307]: finite, but one step of lr 10 sends w to -inf.
    const graph: Graph = {
      nodes: [
        { id: 'x', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['v'], vector: true } },
        { id: 'w', op: 'parameter', shape: [], params: { value: { shape: [], data: Float64Array.of(1) } } },
        { id: 'wx', op: 'mul' },
        { id: 'loss', op: 'sum' },
      ],
      edges: [...feed('wx', { a: 'w', b: 'x' }), ...feed('loss', { x: 'wx' })],
      loss: 'loss',
      datasets: { d: { columns: ['v'], rows: [[1e308], [5e307]] }, d_test: { columns: ['v'], rows: [[1]] } },
    };
    const run = new MeasuredTraining(graph, { optimizer: { type: 'sgd', lr: 10 }, epochs: 3 });
    const record = run.epoch();
    expect(record.loss).toBe(1.5e308);
    expect(record.val_loss).toBeNaN();
    expect(run.trainer.divergence?.rule).toBe('nonfinite-param');
  });
});
