import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPytorch } from './pytorch';
import { fileOptimizerState, fileToGraph, graphToFile, toFileOptimizerState, toFileTensor } from '../format/convert';
import { OPTIMIZER_CASES, trainingGraphs } from '../testing/trainingGraphs';
import { randomGraphs } from '../testing/randomGraph';
import { Trainer } from '../train/trainer';
import { loadGraphFile } from '../format/load';
import type { GraphFile, TrainingSettings } from '../format/schema';
import { MAX_CSV_ROWS, parseCsv } from '../format/csv';
import { EngineError } from '../exec/program';
import type { Graph } from '../graph/types';
import { runCommand } from '../cli/commands';
import { parseArgs } from '../cli/args';
import { serializeGraphFile } from '../format/save';
import { assertTorch, runPythonScripts } from '../testing/debianPython';
import { onMetaDevice } from '../testing/metaDevice';
import { lineMismatch, logMismatch } from './logLines';

const examplesDir = new URL('../../public/examples/', import.meta.url);
const example = (name: string): GraphFile => {
  const r = loadGraphFile(readFileSync(new URL(`${name}.json`, examplesDir), 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.file;
};
const withTraining = (file: GraphFile, training: Partial<TrainingSettings>): GraphFile => ({ ...file, training: { ...file.training, ...training } });

/** Boston housing RM → PRICE from the shared data, as an inline dataset of a linear(1,1) + mse graph. */
function boston(): GraphFile {
  const csv = parseCsv(readFileSync(new URL('../../../shared/data/boston_rm_price.csv', import.meta.url), 'utf8'));
  if (!csv.ok) throw new Error('boston_rm_price.csv does not parse');
  const file = example('linear-regression-module');
  return {
    ...file,
    nodes: [
      { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'boston', columns: ['RM'] } },
      { id: 'Y', op: 'input', position: { x: 0, y: 200 }, value: { type: 'columns', dataset: 'boston', columns: ['PRICE'] } },
      file.nodes.find((n) => n.id === 'linear') as GraphFile['nodes'][number],
      { id: 'loss', op: 'mse', position: { x: 400, y: 100 } },
    ],
    edges: [
      { source: 'X', target: 'linear', targetPort: 'x' },
      { source: 'linear', target: 'loss', targetPort: 'input' },
      { source: 'Y', target: 'loss', targetPort: 'target' },
    ],
    datasets: { boston: { columns: [...csv.dataset.columns], rows: csv.dataset.rows.map((r) => [...r]) } },
    training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 300, batchSize: null, seed: 0 },
  };
}

/** The file after 7 epochs of its own training: parameters and optimizer state saved in it. */
function withState(file: GraphFile): GraphFile {
  const trainer = new Trainer(fileToGraph(file), file.training);
  for (let e = 0; e < 7; e++) trainer.epoch();
  const nodes = file.nodes.map((n) => {
    const own = trainer.program.params.filter((p) => p.node === n.id);
    return own.length === 0 ? n : { ...n, params: Object.fromEntries(own.map((p) => [p.name, toFileTensor({ shape: p.shape, data: p.value })])) };
  });
  return { ...file, nodes, optimizerState: toFileOptimizerState(trainer.optimizer.state()) };
}

/** The file with node ids renamed everywhere (nodes, wires, the loss). */
function renamed(file: GraphFile, ids: Readonly<Record<string, string>>): GraphFile {
  const r = (id: string) => (Object.hasOwn(ids, id) ? ids[id] : id);
  return {
    ...file,
    nodes: file.nodes.map((n) => ({ ...n, id: r(n.id) })),
    edges: file.edges.map((e) => ({ ...e, source: r(e.source), target: r(e.target) })),
    loss: file.loss === null ? null : r(file.loss),
  };
}

/** The file with its one dataset under another name (an own key, even `toString`). */
function datasetNamed(file: GraphFile, name: string): GraphFile {
  const [[old, d]] = Object.entries(file.datasets);
  const nodes = file.nodes.map((n) => (n.value?.type === 'columns' && n.value.dataset === old ? { ...n, value: { ...n.value, dataset: name } } : n));
  return { ...file, nodes, datasets: Object.fromEntries([[name, d]]) };
}

/** The binary example with the sigmoid folded into the loss: linear → bce_with_logits (accuracy then reads logits at 0). */
function withLogits(file: GraphFile): GraphFile {
  return {
    ...file,
    nodes: file.nodes.filter((n) => n.id !== 'prob').map((n) => (n.id === 'loss' ? { ...n, op: 'bce_with_logits' } : n)),
    edges: file.edges.filter((e) => e.source !== 'prob' && e.target !== 'prob').concat([{ source: 'linear', target: 'loss', targetPort: 'input' }]),
  };
}

/** The file without its validation splits. */
function withoutSplit(file: GraphFile): GraphFile {
  return { ...file, datasets: Object.fromEntries(Object.entries(file.datasets).filter(([name]) => !name.endsWith('_test'))) };
}

/** Ids that are Python names the script uses, nn.Module attributes, dunder names, or the dataset tensor's own name. */
const CLASHING_IDS = { W: 'forward', B: '__w', X: 'epoch_loss', Y: 'rng', WX: 'tuple', err: 'training', loss: 'parameters', height: 'data_people', weight: 'super' };

/** Every shipped example, then the same graphs with other optimizers, mini-batches and real data. */
function cases(): [string, GraphFile][] {
  const shipped = readdirSync(examplesDir).filter((f) => f.endsWith('.json') && f !== 'index.json').map((f) => f.replace(/\.json$/, ''));
  return [
    ...shipped.map((n): [string, GraphFile] => [n, example(n)]),
    ['regression, SGD with momentum and Nesterov', withTraining(example('linear-regression-module'), { optimizer: { type: 'sgd', lr: 0.001, momentum: 0.9, nesterov: true }, epochs: 100 })],
    ['regression by hand, SGD momentum, dampening, weight decay', withTraining(example('linear-regression-by-hand'), { optimizer: { type: 'sgd', lr: 0.001, momentum: 0.5, dampening: 0.1, weightDecay: 0.01 }, epochs: 100 })],
    ['binary classification, Adam', withTraining(example('binary-classification'), { optimizer: { type: 'adam', lr: 0.01 }, epochs: 100 })],
    ['three classes, Adam with AMSGrad and weight decay', withTraining(example('multiclass-classification'), { optimizer: { type: 'adam', lr: 0.01, beta1: 0.8, beta2: 0.99, eps: 1e-6, weightDecay: 0.001, amsgrad: true }, epochs: 100 })],
    ['three classes, mini-batches of 16', withTraining(example('multiclass-classification'), { batchSize: 16, seed: 42, epochs: 20 })],
    ['binary classification, mini-batches of 7 with momentum (acc, val_loss, val_acc)', withTraining(example('binary-classification'), { batchSize: 7, seed: 5, epochs: 30, optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } })],
    ['binary classification on logits (bce_with_logits), full batch', withLogits(example('binary-classification'))],
    ['binary classification on logits (bce_with_logits), mini-batches of 16', withTraining(withLogits(example('binary-classification')), { batchSize: 16, seed: 9, epochs: 40 })],
    ['three classes, a validation split but no accuracy', withTraining(example('multiclass-classification'), { metrics: undefined, epochs: 30 })],
    ['three classes, accuracy but no validation split', withoutSplit(example('multiclass-classification'))],
    ['regression by hand, mini-batches of 2 (centring per batch)', withTraining(example('linear-regression-by-hand'), { batchSize: 2, seed: 7, epochs: 30 })],
    ['Boston RM → PRICE, SGD lr 0.01', boston()],
    ['regression by hand, node ids clashing with Python and nn.Module, full batch', withTraining(renamed(example('linear-regression-by-hand'), CLASHING_IDS), { epochs: 50 })],
    ['regression by hand, node ids clashing with Python and nn.Module, mini-batches of 2', withTraining(renamed(example('linear-regression-by-hand'), CLASHING_IDS), { batchSize: 2, seed: 7, epochs: 20 })],
    ['three classes, ids rng, Mulberry32, training, zero_grad, mini-batches', withTraining(renamed(example('multiclass-classification'), { X: 'rng', T: 'Mulberry32', linear: 'training', loss: 'zero_grad' }), { batchSize: 16, seed: 42, epochs: 10 })],
    ...['toString', 'hasOwnProperty', 'valueOf'].map((name): [string, GraphFile] => [`regression on a dataset named ${name}`, datasetNamed(example('linear-regression-module'), name)]),
    ['regression with saved SGD momentum, continued with Adam (which has no use for it)', withTraining(withState(withTraining(example('linear-regression-module'), { optimizer: { type: 'sgd', lr: 0.001, momentum: 0.9 }, epochs: 50 })), { optimizer: { type: 'adam', lr: 0.01 } })],
    ['regression continuing from saved SGD momentum', withState(withTraining(example('linear-regression-module'), { optimizer: { type: 'sgd', lr: 0.001, momentum: 0.9 }, epochs: 50 }))],
    ['three classes continuing from saved Adam moments', withState(withTraining(example('multiclass-classification'), { optimizer: { type: 'adam', lr: 0.01, amsgrad: true }, epochs: 50 }))],
    ...trainingGraphs().flatMap(({ name, graph }) =>
      OPTIMIZER_CASES.map((o): [string, GraphFile] => [`${name}, ${o.name}`, graphToFile(graph, { optimizer: o.settings, epochs: 8, batchSize: null, seed: 0 })]),
    ),
    ...randomGraphs(20261127, 30).map(({ name, graph }): [string, GraphFile] => [name, graphToFile(graph, { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 2, batchSize: null, seed: 0 })]),
  ];
}

/** The CLI's `train` output for a file, produced by the same code as `npm run cli -- train`. */
function cliTrain(path: string, logEvery: number): string[] {
  const lines: string[] = [];
  runCommand(parseArgs(['train', path, '--log-every', String(logEvery)]), (l) => lines.push(l));
  return lines;
}

/** Every case's script, also moved to the meta device, with the CLI's output for its graph. */
function writeCases(): { name: string; cli: string[]; script: string; meta: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-export-'));
  return cases().map(([name, file], k) => {
    const graphPath = join(dir, `case${k}.json`);
    const scriptPath = join(dir, `case${k}.py`);
    writeFileSync(graphPath, serializeGraphFile(file));
    const logEvery = Math.max(1, Math.floor(file.training.epochs / 25));
    const code = exportPytorch(fileToGraph(file), file.training, { title: name, logEvery, optimizerState: fileOptimizerState(file) }).code;
    writeFileSync(scriptPath, code);
    writeFileSync(join(dir, `case${k}_meta.py`), onMetaDevice(code));
    return { name, cli: cliTrain(graphPath, logEvery), script: scriptPath, meta: join(dir, `case${k}_meta.py`) };
  });
}

describe('exportPytorch', () => {
  beforeAll(() => assertTorch());

  // Every script runs twice in one Python process: on the CPU, and on the meta device.
  let batch: Promise<{ runs: ReturnType<typeof writeCases>; cpu: Awaited<ReturnType<typeof runPythonScripts>>; meta: Awaited<ReturnType<typeof runPythonScripts>> }> | undefined;
  const runBoth = () =>
    (batch ??= (async () => {
      const runs = writeCases();
      const results = await runPythonScripts([...runs.map((r) => r.script), ...runs.map((r) => r.meta)]);
      return { runs, cpu: results.slice(0, runs.length), meta: results.slice(runs.length) };
    })());

  it('the exported scripts, run by PyTorch, print the CLI train output to 1e-9 for every example and variant', async () => {
    const { runs, cpu: results } = await runBoth();
    let compared = 0;
    for (const [k, run] of runs.entries()) {
      const torch = results[k];
      expect(torch.status, `${run.name}:\n${torch.stderr}`).toBe(0);
      const lines = torch.stdout.trimEnd().split('\n');
      expect(lines.length, run.name).toBe(run.cli.length);
      lines.forEach((l, i) => expect(lineMismatch(l, run.cli[i]), `${run.name}, line ${i + 1}`).toBeNull());
      compared += lines.length;
    }
    console.log(`PyTorch export: ${runs.length} scripts run by ${'/usr/bin/python3'}, ${compared} lines equal to the CLI's train output to 1e-9`);
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);

  it('the exported scripts train unchanged on a GPU machine: every tensor and the model live on the device the script picks (run on the meta device, which refuses a tensor left on the CPU)', async () => {
    const { runs, meta } = await runBoth();
    for (const [k, run] of runs.entries()) {
      expect(meta[k].status, `${run.name}:\n${meta[k].stderr}`).toBe(0);
      expect(meta[k].stdout.trimEnd().split('\n').length, run.name).toBe(run.cli.length);
    }
  }, 120_000);

  it('reads like the course: nn.Linear, a criterion, optimizer.zero_grad/step, and comments naming nodes', () => {
    const { code, phaseLines } = exportPytorch(fileToGraph(example('linear-regression-module')), example('linear-regression-module').training);
    expect(code).toContain('self.linear = nn.Linear(1, 1)  # node "linear" (linear)');
    expect(code).toContain('criterion = nn.MSELoss(reduction="mean")');
    expect(code).toContain('optimizer = torch.optim.SGD(net.parameters(), lr=0.001)');
    const lines = code.split('\n');
    expect(lines[phaseLines.predict - 1].trim()).toBe('outputs = net(X)');
    expect(lines[phaseLines.loss - 1].trim()).toBe('loss = criterion(outputs, Y)');
    expect(lines[phaseLines.backward - 1].trim()).toBe('loss.backward()');
    expect(lines[phaseLines.update - 1].trim()).toBe('optimizer.step()');
    expect(lines[phaseLines.zeroGrad - 1].trim()).toBe('optimizer.zero_grad()');
  });

  it('a 100,000-row dataset (the CSV limit) → one line per row, and the script, run by PyTorch, prints the CLI train output', async () => {
    const rows = Array.from({ length: MAX_CSV_ROWS }, (_, i) => [i / 1000, (2 * i) / 1000 + Math.sin(i)]);
    const file = withTraining(datasetNamed(boston(), 'big'), { epochs: 3, optimizer: { type: 'sgd', lr: 1e-4 } });
    const big: GraphFile = { ...file, nodes: file.nodes.map((n) => (n.value?.type === 'columns' ? { ...n, value: { ...n.value, columns: [n.id === 'X' ? 'x' : 'y'] } } : n)), datasets: { big: { columns: ['x', 'y'], rows } } };
    const code = exportPytorch(fileToGraph(big), big.training).code;
    const lines = code.split('\n');
    const first = lines.findIndex((l) => l.startsWith('data_big = torch.tensor([['));
    expect(first).toBeGreaterThan(0);
    expect(lines[first]).toBe('data_big = torch.tensor([[0.0, 0.0],');
    expect(lines[first + MAX_CSV_ROWS - 1]).toMatch(/^ {4}\[99\.999, [-0-9.e]+\]\]\)\.to\(device\)$/);
    expect(lines.slice(first + 1, first + MAX_CSV_ROWS - 1).every((l) => /^ {4}\[[-0-9.e]+, [-0-9.e]+\],$/.test(l))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-big-'));
    const graphPath = join(dir, 'big.json');
    const scriptPath = join(dir, 'big.py');
    writeFileSync(graphPath, serializeGraphFile(big));
    writeFileSync(scriptPath, code);
    const [torch] = await runPythonScripts([scriptPath]);
    expect(torch.status, torch.stderr).toBe(0);
    expect(logMismatch(torch.stdout, cliTrain(graphPath, 1))).toBeNull();
  }, 60_000);

  it('saved optimizer state of the wrong length → an EngineError naming the node, the parameter and both lengths', () => {
    const file = withState(withTraining(example('linear-regression-module'), { optimizer: { type: 'sgd', lr: 0.001, momentum: 0.9 }, epochs: 10 }));
    const state = fileOptimizerState(file).map((s) => (s.name === 'weight' ? { ...s, momentumBuffer: [0.1, 0.2] } : s));
    const run = () => exportPytorch(fileToGraph(file), file.training, { optimizerState: state });
    expect(run).toThrow(EngineError);
    expect(run).toThrow('the saved optimizer state of linear.weight does not fit it: its momentum buffer has 2 values, but the parameter has 1 elements');
    const adam = withTraining(file, { optimizer: { type: 'adam', lr: 0.01 } });
    const moments = [{ node: 'linear', name: 'bias', expAvg: [], expAvgSq: [0], step: 3 }];
    expect(() => exportPytorch(fileToGraph(adam), adam.training, { optimizerState: moments })).toThrow(/linear\.bias .*Adam first moment \(expAvg\) has 0 values, but the parameter has 1 elements/);
  });

  it('a wrong-length state for a parameter the script does not train → ignored, as training ignores it', () => {
    const file = example('linear-regression-module');
    const state = [{ node: 'nowhere', name: 'value', momentumBuffer: [1, 2, 3] }];
    expect(() => exportPytorch(fileToGraph(file), file.training, { optimizerState: state })).not.toThrow();
  });

  it('an input reading a dataset the graph holds only through the prototype chain → an EngineError naming the dataset', () => {
    const file = example('linear-regression-module');
    const graph = fileToGraph(file);
    // A dataset reachable only through the prototype chain is not the graph's.
    const inherited = { ...graph, datasets: Object.create(graph.datasets ?? null) as Graph['datasets'] };
    expect(() => exportPytorch(inherited, file.training)).toThrow(EngineError);
    expect(() => exportPytorch(inherited, file.training)).toThrow(/height.*dataset 'people'/);
  });

  it('a classification file with metrics.accuracy and a split → the script prints the CLI\'s header and validates on the split', () => {
    const file = example('multiclass-classification');
    const { code } = exportPytorch(fileToGraph(file), file.training);
    expect(code).toContain('print("epoch,loss,acc,val_loss,val_acc")');
    expect(code).toContain('X_val = data_blobs_test[:, [0, 1]]  # node "X" (input)\n');
    expect(code).toContain('        return loss.item(), correct(outputs, T_val.long()) / T_val.numel()');
    expect(code).toContain('    return (torch.max(outputs, 1)[1] == labels).sum().item()');
    expect(code).toContain('\n    hits += correct(outputs, T.long())\n');
    expect(code).toContain('    val_loss, val_acc = validate() if finite_parameters() else (math.nan, math.nan)');
    expect(code).toContain('if epoch % 10 == 0 or epoch == 299 or problem:');
  });

  it('metrics.accuracy on an mse loss, or a split that does not fit → an EngineError, as the CLI refuses them', () => {
    const file = withTraining(example('linear-regression-module'), { metrics: { accuracy: true } });
    expect(() => exportPytorch(fileToGraph(file), file.training)).toThrow("accuracy needs the loss to be a classification loss (bce, bce_with_logits, cross_entropy), but the loss 'loss' is mse");
    const binary = example('binary-classification');
    const broken = { ...binary, datasets: { ...binary.datasets, blobs_test: { columns: ['x1'], rows: [[1]] } } };
    expect(() => exportPytorch(fileToGraph(broken), broken.training)).toThrow(/^the validation data \(blobs_test\) does not fit the graph/);
  });

  it('refuses a graph without a loss (two scalar outputs, none marked); with one, the loss rule picks it', () => {
    const composite = example('composite-function');
    const twoOutputs = {
      ...composite,
      loss: null,
      nodes: [...composite.nodes, { id: 'z2', op: 'sum', position: { x: 0, y: 0 } }],
      edges: [...composite.edges, { source: 'y', target: 'z2', targetPort: 'x' }],
    };
    expect(() => exportPytorch(fileToGraph(twoOutputs), twoOutputs.training)).toThrow(/needs a loss/);
    const unmarked = { ...composite, loss: null };
    expect(exportPytorch(fileToGraph(unmarked), unmarked.training).code).toContain('.backward()');
  });
});
