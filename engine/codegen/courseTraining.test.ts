import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetCsv, datasetFileName, exportCourseTrainingScript } from './courseTraining';
import { lineMismatch } from './logLines';
import { runCommand } from '../cli/commands';
import { parseArgs } from '../cli/args';
import { fileToGraph, graphToFile } from '../format/convert';
import { loadGraphFile } from '../format/load';
import { parseCsv } from '../format/csv';
import { serializeGraphFile } from '../format/save';
import type { GraphFile } from '../format/schema';
import { assertTorch, PYTHON } from '../testing/debianPython';
import { linearRegression } from '../testing/graphs';
import { classifier } from '../testing/classifierGraphs';
import { DEVICE_LINE, onMetaDevice } from '../testing/metaDevice';
import { OPTIMIZER_CASES, trainingGraphs } from '../testing/trainingGraphs';

const examplesDir = new URL('../../public/examples/', import.meta.url);
const example = (name: string): GraphFile => {
  const r = loadGraphFile(readFileSync(new URL(`${name}.json`, examplesDir), 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.file;
};

/** Runs each script from its own directory (where its CSV files are), all in one Python process. */
const DRIVER = `
import contextlib, io, json, os, sys, traceback
results = []
for path in json.load(sys.stdin):
    out = io.StringIO()
    status, err = 0, ''
    os.chdir(os.path.dirname(path))
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(open(path, 'rb').read(), path, 'exec'), {'__name__': '__main__'})
    except BaseException:
        status, err = 1, traceback.format_exc()
    results.append({'status': status, 'stdout': out.getvalue(), 'stderr': err})
print(json.dumps(results))
`;

function runInDirs(paths: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-c', DRIVER], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => (status === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(stderr))));
    child.stdin.end(JSON.stringify(paths));
  });
}

/** The CLI's train log: the header and the epoch lines (the parameter lines after them are left out). */
function cliLog(path: string): string[] {
  const lines: string[] = [];
  runCommand(parseArgs(['train', path]), (l) => lines.push(l));
  return lines.filter((l) => !/ \[/.test(l));
}

function cases(): [string, GraphFile][] {
  return [
    ['linear regression by hand (W, B)', example('linear-regression-by-hand')],
    ['linear regression with nn.Linear', example('linear-regression-module')],
    ['linear regression by hand in float64, logging every 50', { ...example('linear-regression-by-hand'), dtype: 'float64', training: { ...example('linear-regression-by-hand').training, logEvery: 50 } }],
    ['binary classification (accuracy, validation on blobs_test)', example('binary-classification')],
    ['three classes (accuracy, validation on blobs_test)', example('multiclass-classification')],
    ...(['bce', 'bce_with_logits', 'cross_entropy'] as const).map((k): [string, GraphFile] => [
      `classifier ${k}, accuracy and validation`,
      graphToFile(classifier(k), { optimizer: { type: 'sgd', lr: 0.2, momentum: 0.5 }, epochs: 30, batchSize: null, seed: 0, logEvery: 4, metrics: { accuracy: true } }),
    ]),
    ['classifier bce, validation without accuracy', graphToFile(classifier('bce'), { optimizer: { type: 'adam', lr: 0.05 }, epochs: 10, batchSize: null, seed: 0 })],
    ['linear regression, Adam', graphToFile(linearRegression([[1, 2], [2, 4.5], [3, 5.5], [4, 8.1]], 0.5, -0.25), { optimizer: { type: 'adam', lr: 0.05 }, epochs: 40, batchSize: null, seed: 0, logEvery: 7 })],
    ...trainingGraphs()
      .filter((g) => exportCourseTrainingScript(g.graph, { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 1, batchSize: null, seed: 0 }) !== null)
      .flatMap((g) => OPTIMIZER_CASES.map((o): [string, GraphFile] => [`${g.name}, ${o.name}`, graphToFile(g.graph, { optimizer: o.settings, epochs: 12, batchSize: null, seed: 0, logEvery: 3 })])),
  ];
}

/** Every case's script written next to its CSV files, also moved to the meta device, with the CLI's log of its graph. */
function writeCases(): { name: string; script: string; meta: string; cli: string[] }[] {
  const root = mkdtempSync(join(tmpdir(), 'gradcanvas-course-'));
  return cases().map(([name, file], k) => {
    const dir = join(root, `case${k}`);
    mkdirSync(dir);
    const graph = fileToGraph(file);
    const script = exportCourseTrainingScript(graph, file.training, name);
    expect(script, name).not.toBeNull();
    for (const [d, rows] of Object.entries(file.datasets)) writeFileSync(join(dir, datasetFileName(d)), datasetCsv(rows));
    writeFileSync(join(dir, 'graph.json'), serializeGraphFile(file));
    writeFileSync(join(dir, 'train.py'), script?.code ?? '');
    writeFileSync(join(dir, 'train_meta.py'), onMetaDevice(script?.code ?? ''));
    return { name, script: join(dir, 'train.py'), meta: join(dir, 'train_meta.py'), cli: cliLog(join(dir, 'graph.json')) };
  });
}

describe('exportCourseTrainingScript', () => {
  beforeAll(() => assertTorch());

  // Every script runs twice in one Python process: on the CPU, and on the meta device.
  let batch: Promise<{ runs: ReturnType<typeof writeCases>; cpu: Awaited<ReturnType<typeof runInDirs>>; meta: Awaited<ReturnType<typeof runInDirs>> }> | undefined;
  const runBoth = () =>
    (batch ??= (async () => {
      const runs = writeCases();
      const results = await runInDirs([...runs.map((r) => r.script), ...runs.map((r) => r.meta)]);
      return { runs, cpu: results.slice(0, runs.length), meta: results.slice(runs.length) };
    })());

  it('the course-style scripts, run by PyTorch, print the CLI train log to 1e-9', async () => {
    const { runs, cpu: results } = await runBoth();
    let compared = 0;
    for (const [k, run] of runs.entries()) {
      const torch = results[k];
      expect(torch.status, `${run.name}:\n${torch.stderr}`).toBe(0);
      const lines = torch.stdout.trimEnd().split('\n');
      expect(lines.length, `${run.name}\n${torch.stdout}`).toBe(run.cli.length);
      lines.forEach((l, i) => expect(lineMismatch(l, run.cli[i]), `${run.name}, line ${i + 1}`).toBeNull());
      compared += lines.length;
    }
    expect(compared).toBeGreaterThan(200);
  }, 120_000);

  it('the course-style scripts train unchanged on a GPU machine: every tensor and the model live on the device the script picks (run on the meta device, which refuses a tensor left on the CPU)', async () => {
    const { runs, meta } = await runBoth();
    for (const [k, run] of runs.entries()) {
      expect(meta[k].status, `${run.name}:\n${meta[k].stderr}`).toBe(0);
      // Every epoch line is printed: the loop ran to its end on the device.
      expect(meta[k].stdout.trimEnd().split('\n').length, run.name).toBe(run.cli.length);
    }
  }, 120_000);

  it('takes the device as the full export does: the model, the data and the parameters on it', () => {
    const file = example('binary-classification');
    const code = exportCourseTrainingScript(fileToGraph(file), file.training)?.code ?? '';
    const lines = code.split('\n');
    expect(lines.filter((l) => l === DEVICE_LINE)).toHaveLength(1);
    expect(code).toContain('net = Net().to(device)');
    // Data read from the CSV files, then moved: the training and the validation columns.
    const data = lines.filter((l) => /= torch\.tensor\(data_/.test(l));
    expect(data.length).toBe(4);
    for (const l of data) expect(l).toMatch(/^\w+ = torch\.tensor\(data_\w+\[:, [\d[\], ]+\]\)\.to\(device\)( {2}#.*)?$/);
    const byHand = example('linear-regression-by-hand');
    const own = exportCourseTrainingScript(fileToGraph(byHand), byHand.training)?.code ?? '';
    // Made on the device, a parameter stays a leaf with its own .grad there.
    expect(own).toContain('B = torch.tensor(1.0, requires_grad=True, device=device)  # node "B" (parameter)');
  });

  it('reads like the course: data from the CSV file, class Net, the criterion, optim.SGD and the loop with backward, step, zero_grad', () => {
    const file = example('linear-regression-module');
    const script = exportCourseTrainingScript(fileToGraph(file), file.training, file.name);
    const code = script?.code ?? '';
    const lines = code.split('\n');
    expect(code).toContain('data_people = np.loadtxt("people.csv", delimiter=",", skiprows=1, ndmin=2)');
    expect(code).toContain('class Net(nn.Module):');
    expect(code).toContain('        self.linear = nn.Linear(1, 1)  # node "linear" (linear)');
    expect(code).toContain('criterion = nn.MSELoss(reduction="mean")');
    expect(code).toContain('optimizer = optim.SGD(net.parameters(), lr=0.001)');
    expect(code).toContain('for epoch in range(500):');
    const phase = script?.phaseLines;
    expect(lines[(phase?.predict ?? 0) - 1].trim()).toBe('linear = net(X)');
    expect(lines[(phase?.loss ?? 0) - 1].trim()).toBe('loss = criterion(linear, Y)');
    expect(lines[(phase?.backward ?? 0) - 1].trim()).toBe('loss.backward()');
    expect(lines[(phase?.update ?? 0) - 1].trim()).toBe('optimizer.step()');
    expect(lines[(phase?.zeroGrad ?? 0) - 1].trim()).toBe('optimizer.zero_grad()');
    // Every node's line is recorded, and the line names the node.
    for (const n of file.nodes) expect(lines[(script?.nodeLines.get(n.id) ?? 0) - 1], n.id).toMatch(new RegExp(`node "${n.id}"|criterion\\(`));
  });

  it('by hand: W and B are tensors with requires_grad=True, the optimizer takes [W, B]', () => {
    const file = example('linear-regression-by-hand');
    const code = exportCourseTrainingScript(fileToGraph(file), file.training)?.code ?? '';
    expect(code).toContain('W = torch.tensor(1.0, requires_grad=True, device=device)  # node "W" (parameter)');
    expect(code).toContain('optimizer = optim.SGD([W, B], lr=0.001)');
    expect(code).not.toContain('class Net');
  });

  it('measures as the course does after the step: predicted, train_acc, the validation pass on blobs_test and its accuracy', () => {
    const file = example('binary-classification');
    const code = exportCourseTrainingScript(fileToGraph(file), file.training)?.code ?? '';
    expect(code).toContain('data_blobs_test = np.loadtxt("blobs_test.csv", delimiter=",", skiprows=1, ndmin=2)');
    expect(code).toContain('print("epoch,loss,acc,val_loss,val_acc")');
    const loop = code.slice(code.indexOf('for epoch in range('));
    expect(loop).toMatch(/optimizer\.zero_grad\(\)\n {4}predicted = torch\.where\(\w+ < 0\.5, 0, 1\)\n {4}train_acc = \(predicted == \w+\)\.sum\(\)\.item\(\) \/ len\(\w+\)\n {4}\w+_test = net\(\w+_test\)/);
  });

  it('writes no script for mini-batches, or accuracy of a loss that predicts no classes', () => {
    const file = example('linear-regression-module');
    expect(exportCourseTrainingScript(fileToGraph(file), { ...file.training, batchSize: 2 })).toBeNull();
    expect(exportCourseTrainingScript(fileToGraph(file), { ...file.training, metrics: { accuracy: true } })).toBeNull();
  });

  it('user text reaches the script only as comments and string literals', () => {
    const file = example('linear-regression-module');
    const evil = 'x"\n__import__("os")\n#';
    const renamed: GraphFile = {
      ...file,
      datasets: { [evil]: file.datasets.people },
      nodes: file.nodes.map((n) => (n.value?.type === 'columns' ? { ...n, value: { ...n.value, dataset: evil } } : n)),
    };
    const code = exportCourseTrainingScript(fileToGraph(renamed), file.training, evil)?.code ?? '';
    expect(code.split('\n').some((l) => l.startsWith('__import__'))).toBe(false);
    expect(code).toContain('np.loadtxt("x\\"\\n__import__(\\"os\\")\\n#.csv"');
  });

  it('a dataset CSV reads back as the same dataset', () => {
    const d = { columns: ['a', 'b,c', 'd"e'], rows: [[1, 0.1, -2.5e-300], [1e21, -0, 3]] };
    const r = parseCsv(datasetCsv(d));
    expect(r.ok && r.dataset.columns).toEqual(d.columns);
    expect(r.ok && r.dataset.rows).toEqual([[1, 0.1, -2.5e-300], [1e21, 0, 3]]);
  });
});
