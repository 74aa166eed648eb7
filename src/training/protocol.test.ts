import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileToGraph, type GraphFile, MeasuredTraining, Trainer, VALIDATION_SUFFIX } from '../../engine';
import { emptyDocument } from '../store/edits';
import { type FromWorker, MAX_TRAIL, TrainingSession } from './protocol';

/** Runs a whole session in slices of `chunk` epochs and returns every message, as the worker would post them. */
function runToEnd(file: GraphFile, epochs: number, chunk: number, firstLoss?: number): FromWorker[] {
  const session = new TrainingSession(file, epochs, firstLoss);
  const out: FromWorker[] = [];
  for (;;) {
    const m = session.advance(chunk);
    out.push(m);
    if (m.type !== 'progress') return out;
  }
}

/** data X → linear(1,1) → mse ← data Y over y = 2x + 1 with weight and bias 1. */
function regression(lr = 0.05, rows = [[0, 1], [1, 3], [2, 5], [3, 7]]): GraphFile {
  const doc = emptyDocument();
  doc.datasets = { d: { columns: ['x', 'y'], rows } };
  doc.nodes = [
    { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'd', columns: ['x'] } },
    { id: 'Y', op: 'input', position: { x: 0, y: 100 }, value: { type: 'columns', dataset: 'd', columns: ['y'] } },
    {
      id: 'lin',
      op: 'linear',
      position: { x: 200, y: 0 },
      attrs: { inFeatures: 1, outFeatures: 1 },
      params: { weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } },
    },
    { id: 'loss', op: 'mse', position: { x: 400, y: 0 } },
  ];
  doc.edges = [
    { source: 'X', target: 'lin', targetPort: 'x' },
    { source: 'lin', target: 'loss', targetPort: 'input' },
    { source: 'Y', target: 'loss', targetPort: 'target' },
  ];
  doc.loss = 'loss';
  doc.training = { optimizer: { type: 'sgd', lr }, epochs: 50, batchSize: null, seed: 0 };
  return doc;
}

const losses = (ms: FromWorker[]) => ms.flatMap((m) => ('losses' in m ? m.losses : []));

describe('TrainingSession', () => {
  it('runToEnd(file, 50, 7) posts the same losses as the engine Trainer, in slices, ending with done', () => {
    const file = regression();
    const ms = runToEnd(file, 50, 7);
    const trainer = new Trainer(fileToGraph(file), file.training);
    const expected = Array.from({ length: 50 }, () => trainer.epoch());
    expect(losses(ms)).toEqual(expected);
    expect(ms.map((m) => m.type)).toEqual([...Array(7).fill('progress'), 'done']);
    const last = ms[ms.length - 1];
    if (last.type !== 'done') throw new Error('not done');
    expect(last.epoch).toBe(50);
    expect(last.params['lin.weight'][0]).toBe(trainer.program.params[0].value[0]);
  });

  it('advance with mini-batches matches the Trainer with the same seed', () => {
    const file = regression();
    file.training = { ...file.training, batchSize: 3, seed: 7 };
    const trainer = new Trainer(fileToGraph(file), file.training);
    const expected = Array.from({ length: 20 }, () => trainer.epoch());
    expect(losses(runToEnd(file, 20, 3))).toEqual(expected);
  });

  it('advance → diverged where the engine’s rule fires, carrying the last good epoch’s parameters', () => {
    const file = regression(10);
    const ms = runToEnd(file, 10_000, 100);
    const last = ms[ms.length - 1];
    if (last.type !== 'diverged') throw new Error(`ended ${last.type}`);
    const trainer = new Trainer(fileToGraph(file), file.training);
    while (!trainer.divergence) trainer.epoch();
    expect(last.divergence).toEqual(trainer.divergence);
    expect(last.divergence).toMatchObject({ rule: 'loss-growth', nodes: ['loss'] });
    expect(last.epoch).toBe(last.divergence.epoch + 1);
    expect(losses(ms)).toEqual(trainer.history);
    expect(last.params).toEqual({ 'lin.weight': [trainer.program.params[0].value[0]], 'lin.bias': [trainer.program.params[1].value[0]] });
    expect(Object.values(last.params).flat().every(Number.isFinite)).toBe(true);
    // The trail ends on the parameters the run went back to.
    const trail = ms.flatMap((m) => ('trail' in m ? m.trail : []));
    expect(trail.at(-1)).toEqual({ epoch: last.divergence.lastGoodEpoch, params: last.params });
  });

  it('divergenceFactor null → only inf or nan stops the session, later', () => {
    const grow = runToEnd(regression(10), 10_000, 100).at(-1);
    const file = regression(10);
    file.training = { ...file.training, divergenceFactor: null };
    const inf = runToEnd(file, 10_000, 100).at(-1);
    if (grow?.type !== 'diverged' || inf?.type !== 'diverged') throw new Error('both should diverge');
    expect(inf.divergence.rule).toMatch(/^nonfinite-/);
    expect(inf.divergence.epoch).toBeGreaterThan(grow.divergence.epoch);
  });

  it('a session continuing a run (firstLoss) → the growth rule compares with the run’s first loss', () => {
    const last = runToEnd(regression(0.05), 50, 10, 1e-9).at(-1);
    if (last?.type !== 'diverged') throw new Error('should stop');
    expect(last.divergence).toMatchObject({ epoch: 0, rule: 'loss-growth', firstLoss: 1e-9, lastGoodEpoch: null });
    expect(last.params).toEqual({ 'lin.weight': [1], 'lin.bias': [1] });
  });

  it('pause() reports the losses since the last message', () => {
    const s = new TrainingSession(regression(), 10);
    s.advance(3);
    s.advance(2);
    const p = s.pause();
    expect(p.type).toBe('paused');
    if (p.type === 'paused') expect(p.losses).toEqual([]);
    const m = s.advance(100);
    expect(m.type).toBe('done');
    if (m.type === 'done') expect(m.losses).toHaveLength(5);
  });

  it('advance samples the trail at most MAX_TRAIL + 2 times, from the start parameters', () => {
    const ms = runToEnd(regression(0.001), 5000, 1000);
    const trail = ms.flatMap((m) => ('trail' in m ? m.trail : []));
    expect(trail[0]).toEqual({ epoch: 0, params: { 'lin.weight': [1], 'lin.bias': [1] } });
    expect(trail.length).toBeLessThanOrEqual(MAX_TRAIL + 2);
    expect(trail[trail.length - 1].epoch).toBe(5000);
    const opt = ms.flatMap((m) => ('optimizerTrail' in m ? m.optimizerTrail : []));
    expect(opt).toHaveLength(trail.length);
  });

  it('a dataset with a test split gives a test loss per epoch', () => {
    const file = regression();
    file.datasets[`d${VALIDATION_SUFFIX}`] = { columns: ['x', 'y'], rows: [[4, 9], [5, 11]] };
    const ms = runToEnd(file, 5, 2);
    const test = ms.flatMap((m) => ('testLosses' in m ? m.testLosses : []));
    expect(test).toHaveLength(5);
    expect(test.every((v) => v > 0)).toBe(true);
  });

  it('an Adam run reports its moments in the optimizer state', () => {
    const file = regression();
    file.training = { ...file.training, optimizer: { type: 'adam', lr: 0.1 } };
    const ms = runToEnd(file, 3, 10);
    const last = ms[ms.length - 1];
    if (last.type !== 'done') throw new Error('not done');
    expect(last.optimizer['lin.weight'].expAvg).toHaveLength(1);
    expect(last.optimizerState.find((s) => s.name === 'weight')?.step).toBe(3);
  });
});

describe('TrainingSession with divergence stopping off', () => {
  it('divergenceFactor "never": a diverging run is done after every epoch, its losses reaching inf and nan', () => {
    const file = regression(10);
    file.training = { ...file.training, divergenceFactor: 'never' };
    const ms = runToEnd(file, 600, 100);
    expect(ms.at(-1)?.type).toBe('done');
    const losses = ms.flatMap((m) => ('losses' in m ? m.losses : []));
    expect(losses).toHaveLength(600);
    expect(losses).toContain(Infinity);
    expect(losses.at(-1)).toBeNaN();
  });
});

describe('TrainingSession measures as the CLI does', () => {
  const binary = () => JSON.parse(readFileSync('public/examples/binary-classification.json', 'utf8')) as GraphFile;

  it('the binary-classification example with accuracy on reports the CLI log of its last epoch: loss, acc, val_loss, val_acc', () => {
    const file = binary();
    file.training = { ...file.training, metrics: { accuracy: true } };
    const ms = runToEnd(file, 20, 7);
    const last = ms[ms.length - 1];
    if (last.type !== 'done') throw new Error(`not done: ${last.type}`);
    const cli = new MeasuredTraining(fileToGraph(file), { ...file.training, epochs: 20 }, []);
    let log = cli.epoch();
    for (let e = 1; e < 20; e++) log = cli.epoch();
    expect(last.log).toEqual(log);
    expect(Object.keys(last.log ?? {})).toEqual(['epoch', 'loss', 'acc', 'val_loss', 'val_acc']);
    const val = ms.flatMap((m) => ('testLosses' in m ? m.testLosses : []));
    expect(val.at(-1)).toBe(log.val_loss);
  });

  it('without accuracy the log has no acc or val_acc', () => {
    const file = binary();
    file.training = { ...file.training, metrics: { accuracy: false } };
    const m = runToEnd(file, 2, 2).at(-1);
    if (m?.type !== 'done') throw new Error('not done');
    expect(m.log && 'acc' in m.log).toBe(false);
    expect(m.log && 'val_acc' in m.log).toBe(false);
  });
});
