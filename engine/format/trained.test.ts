import { describe, expect, it } from 'vitest';
import type { OptimizerSettings } from '../optim/types';
import { classifier } from '../testing/classifierGraphs';
import { Trainer } from '../train/trainer';
import { fileOptimizerState, fileToGraph, graphToFile } from './convert';
import { loadGraphFile } from './load';
import { serializeGraphFile } from './save';
import type { GraphFile } from './schema';
import { trainedFile } from './trained';

/** Trains a file for `epochs` epochs from its saved state; returns the trainer. */
function train(file: GraphFile, epochs: number): Trainer {
  const t = new Trainer(fileToGraph(file), file.training, fileOptimizerState(file));
  for (let e = 0; e < epochs; e++) t.epoch();
  return t;
}

/** The file written after training, read back through the loader as the CLI's -o output would be. */
function written(file: GraphFile, t: Trainer): GraphFile {
  const r = loadGraphFile(serializeGraphFile(trainedFile(file, t.program.params, t.optimizer.state(), t.nextSeed)));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.file;
}

const OPTIMIZERS: [string, OptimizerSettings][] = [
  ['SGD with momentum', { type: 'sgd', lr: 0.2, momentum: 0.9 }],
  ['SGD with Nesterov momentum and weight decay', { type: 'sgd', lr: 0.1, momentum: 0.8, nesterov: true, weightDecay: 0.01 }],
  ['Adam with AMSGrad', { type: 'adam', lr: 0.05, amsgrad: true }],
];

describe('trainedFile', () => {
  it.each(OPTIMIZERS)('%s, full batch: 20 epochs, written, then 30 more from the file equal 50 at once', (_name, optimizer) => {
    const file = graphToFile(classifier('cross_entropy'), { optimizer, epochs: 50, batchSize: null, seed: 0 });
    const once = train(file, 50);
    const first = train(file, 20);
    const rest = train(written(file, first), 30);
    expect(rest.program.params.map((p) => Array.from(p.value))).toEqual(once.program.params.map((p) => Array.from(p.value)));
    expect(rest.history).toEqual(once.history.slice(20));
    expect(rest.optimizer.state().map((s) => Array.from(s.momentumBuffer ?? s.expAvg ?? []))).toEqual(once.optimizer.state().map((s) => Array.from(s.momentumBuffer ?? s.expAvg ?? [])));
  });

  it('mini-batches of 7 with momentum: the written seed continues the shuffle, so 20 + 30 epochs equal 50', () => {
    const file = graphToFile(classifier('bce', 25), { optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 }, epochs: 50, batchSize: 7, seed: 12 });
    const once = train(file, 50);
    const first = train(file, 20);
    const next = written(file, first);
    expect(next.training.seed).not.toBe(12);
    const rest = train(next, 30);
    expect(rest.program.params.map((p) => Array.from(p.value))).toEqual(once.program.params.map((p) => Array.from(p.value)));
    expect(rest.history).toEqual(once.history.slice(20));
  });

  it('keeps everything else, writes the state of every parameter, and leaves the old history out', () => {
    const file = graphToFile(classifier('bce'), { optimizer: { type: 'sgd', lr: 0.1, momentum: 0.5 }, epochs: 3, batchSize: null, seed: 0, logEvery: 2, metrics: { accuracy: true } });
    const withHistory: GraphFile = { ...file, history: { epochs: 1, loss: [0.5], trail: [] } };
    const t = train(file, 3);
    const out = trainedFile(withHistory, t.program.params, t.optimizer.state(), t.nextSeed);
    expect(out.history).toBeUndefined();
    expect(out.training).toEqual(file.training);
    expect(out.datasets).toBe(file.datasets);
    expect(out.nodes.find((n) => n.id === 'lin')?.params?.weight.data).toEqual(Array.from(t.program.params[0].value));
    expect(out.nodes.filter((n) => n.id !== 'lin')).toEqual(file.nodes.filter((n) => n.id !== 'lin'));
    expect(out.optimizerState?.map((s) => `${s.node}.${s.name}`)).toEqual(['lin.weight', 'lin.bias']);
  });
});
