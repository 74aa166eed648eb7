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
import { parseCsv } from '../format/csv';
import { runCommand } from '../cli/commands';
import { parseArgs } from '../cli/args';
import { serializeGraphFile } from '../format/save';
import { assertTorch, runPythonScripts } from '../testing/debianPython';

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
    ['regression by hand, mini-batches of 2 (centring per batch)', withTraining(example('linear-regression-by-hand'), { batchSize: 2, seed: 7, epochs: 30 })],
    ['Boston RM → PRICE, SGD lr 0.01', boston()],
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

/** Numbers on a line compared to 1e-9 relative; all other text must be equal (Python's nan and inf spelled as JavaScript's). */
function expectSameLine(torch: string, cli: string, where: string): void {
  const js: Record<string, string> = { nan: 'NaN', inf: 'Infinity', '-inf': '-Infinity' };
  const split = (l: string) => l.split(/([ ,])/).filter((t) => t !== '').map((t) => js[t] ?? t);
  const [a, b] = [split(torch), split(cli)];
  expect(a.length, `${where}\n torch: ${torch}\n cli:   ${cli}`).toBe(b.length);
  a.forEach((t, i) => {
    const [x, y] = [Number(t), Number(b[i])];
    if (Number.isFinite(x) && Number.isFinite(y) && t.trim() !== '' && !/[[\]]/.test(t)) {
      expect(Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) + 1e-12, `${where}: ${t} vs ${b[i]}\n torch: ${torch}\n cli:   ${cli}`).toBe(true);
    } else {
      expect(t, where).toBe(b[i]);
    }
  });
}

describe('exportPytorch', () => {
  beforeAll(() => assertTorch());

  it('the exported scripts, run by PyTorch, print the CLI train output to 1e-9 for every example and variant', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-export-'));
    const runs = cases().map(([name, file], k) => {
      const graphPath = join(dir, `case${k}.json`);
      const scriptPath = join(dir, `case${k}.py`);
      writeFileSync(graphPath, serializeGraphFile(file));
      const logEvery = Math.max(1, Math.floor(file.training.epochs / 25));
      writeFileSync(scriptPath, exportPytorch(fileToGraph(file), file.training, { title: name, logEvery, optimizerState: fileOptimizerState(file) }).code);
      return { name, cli: cliTrain(graphPath, logEvery), script: scriptPath };
    });
    const results = await runPythonScripts(runs.map((r) => r.script));
    let compared = 0;
    for (const [k, run] of runs.entries()) {
      const torch = results[k];
      expect(torch.status, `${run.name}:\n${torch.stderr}`).toBe(0);
      const lines = torch.stdout.trimEnd().split('\n');
      expect(lines.length, run.name).toBe(run.cli.length);
      lines.forEach((l, i) => expectSameLine(l, run.cli[i], `${run.name}, line ${i + 1}`));
      compared += lines.length;
    }
    console.log(`PyTorch export: ${runs.length} scripts run by ${'/usr/bin/python3'}, ${compared} lines equal to the CLI's train output to 1e-9`);
    expect(compared).toBeGreaterThan(1000);
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

  it('refuses a graph without a loss', () => {
    const file = { ...example('composite-function'), loss: null };
    expect(() => exportPytorch(fileToGraph(file), file.training)).toThrow(/needs a loss/);
  });
});
