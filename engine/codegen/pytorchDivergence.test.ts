import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../cli/args';
import { CliError, EXIT_INVALID, runCommand } from '../cli/commands';
import { graphToFile } from '../format/convert';
import { parseCsv } from '../format/csv';
import type { TrainingSettings } from '../format/schema';
import { serializeGraphFile } from '../format/save';
import type { Graph } from '../graph/types';
import { assertTorch, PYTHON, runPythonScripts } from '../testing/debianPython';
import { logMismatch } from './logLines';

const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-diverge-'));

/** The course's Boston RM+LSTAT → PRICE data. */
function bostonData() {
  const r = parseCsv(readFileSync(new URL('../../../shared/data/boston_rm_lstat_price.csv', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('boston_rm_lstat_price.csv does not parse');
  return r.dataset;
}

/** The book's model: linear(2,1) with weight and bias 1.0, loss MSE/2 (mse → scale 0.5), or plain MSE. */
function boston(half: boolean): Graph {
  return {
    nodes: [
      { id: 'X', op: 'input', value: { type: 'columns', dataset: 'boston', columns: ['RM', 'LSTAT'] } },
      { id: 'Y', op: 'input', value: { type: 'columns', dataset: 'boston', columns: ['PRICE'] } },
      { id: 'linear', op: 'linear', attrs: { inFeatures: 2, outFeatures: 1 }, params: { weight: { shape: [1, 2], data: Float64Array.of(1, 1) }, bias: { shape: [1], data: Float64Array.of(1) } } },
      { id: 'mse', op: 'mse' },
      ...(half ? [{ id: 'half', op: 'scale', attrs: { k: 0.5 } }] : []),
    ],
    edges: [
      { source: 'X', target: 'linear', targetPort: 'x' },
      { source: 'linear', target: 'mse', targetPort: 'input' },
      { source: 'Y', target: 'mse', targetPort: 'target' },
      ...(half ? [{ source: 'mse', target: 'half', targetPort: 'x' }] : []),
    ],
    loss: half ? 'half' : 'mse',
    datasets: { boston: bostonData() },
  };
}

/** `loss = sum(op(w))` for a one-element parameter w: a finite loss whose gradient or update need not be. */
function oneParameter(w: number, op: 'pow' | 'square'): Graph {
  return {
    nodes: [
      { id: 'w', op: 'parameter', shape: [1], params: { value: { shape: [1], data: Float64Array.of(w) } } },
      { id: 'f', op, ...(op === 'pow' ? { attrs: { p: 0.5 } } : {}) },
      { id: 's', op: 'sum' },
    ],
    edges: [
      { source: 'w', target: 'f', targetPort: 'x' },
      { source: 'f', target: 's', targetPort: 'x' },
    ],
    loss: 's',
  };
}

/** A diverging run: the graph, its training settings, and flags given to both `train` and `export-pytorch`. */
interface Run {
  readonly name: string;
  readonly graph: Graph;
  readonly training: TrainingSettings;
  readonly flags?: readonly string[];
  /** The epoch the CLI stops at. */
  readonly epoch: number;
}

const sgd = (lr: number, more: Partial<TrainingSettings> = {}): TrainingSettings => ({ optimizer: { type: 'sgd', lr }, epochs: 5000, batchSize: null, seed: 0, ...more });

const RUNS: readonly Run[] = [
  { name: 'MSE/2, SGD lr 0.01 (the loss past 1e6 × the first), --log-every 10', graph: boston(true), training: sgd(0.01), flags: ['--log-every', '10'], epoch: 25 },
  { name: 'plain MSE, SGD lr 0.1', graph: boston(false), training: sgd(0.1), epoch: 3 },
  { name: 'MSE/2, divergenceFactor null (runs to inf)', graph: boston(true), training: sgd(0.01, { divergenceFactor: null }), epoch: 1021 },
  { name: 'MSE/2, --divergence-factor off (runs to inf)', graph: boston(true), training: sgd(0.01), flags: ['--divergence-factor', 'off'], epoch: 1021 },
  { name: 'MSE/2, divergenceFactor null, --divergence-factor 1e6', graph: boston(true), training: sgd(0.01, { divergenceFactor: null }), flags: ['--divergence-factor', '1e6'], epoch: 25 },
  { name: 'MSE/2, --divergence-factor 1e9 (written 1e9 in both messages)', graph: boston(true), training: sgd(0.01), flags: ['--divergence-factor', '1e9'], epoch: 35 },
  { name: 'MSE/2, --divergence-factor 2.5', graph: boston(true), training: sgd(0.01), flags: ['--divergence-factor', '2.5'], epoch: 6 },
  { name: 'MSE/2, mini-batches of 100 (a smaller last batch), --log-every 3', graph: boston(true), training: sgd(0.01, { batchSize: 100, seed: 3 }), flags: ['--log-every', '3'], epoch: 4 },
  { name: 'MSE/2, Adam lr 100 beta1 0.5, divergenceFactor 8500', graph: boston(true), training: { ...sgd(0), optimizer: { type: 'adam', lr: 100, beta1: 0.5 }, divergenceFactor: 8500 }, epoch: 37 },
  { name: 'sqrt of w = 0: an infinite gradient at epoch 0, SGD momentum', graph: oneParameter(0, 'pow'), training: { ...sgd(0), optimizer: { type: 'sgd', lr: 0.1, momentum: 0.5 } }, epoch: 0 },
  { name: 'w² at lr 1e308: the update overflows at epoch 0', graph: oneParameter(10, 'square'), training: sgd(1e308), epoch: 0 },
];

/** What the CLI printed on stdout and the message it exited with. */
function cli(argv: readonly string[]): { lines: string[]; error: CliError | null } {
  const lines: string[] = [];
  try {
    runCommand(parseArgs(argv), (l) => lines.push(l));
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { lines, error: e };
  }
  return { lines, error: null };
}

/** Runs a script as `python3 script.py` would: its exit status, stdout and stderr. */
function python(script: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Each run through the CLI's train and export-pytorch, the script written to disk (once, for every test). */
let prepared: ReturnType<typeof prepareRuns> | undefined;
const prepare = () => (prepared ??= prepareRuns());

function prepareRuns() {
  return RUNS.map((run, k) => {
    const graphPath = join(dir, `run${k}.json`);
    const script = join(dir, `run${k}.py`);
    writeFileSync(graphPath, serializeGraphFile(graphToFile(run.graph, run.training)));
    const train = cli(['train', graphPath, ...(run.flags ?? [])]);
    const exported = cli(['export-pytorch', graphPath, '-o', script, ...(run.flags ?? [])]);
    expect(exported.error, run.name).toBeNull();
    return { ...run, script, train };
  });
}

describe('exported scripts and the divergence rule', () => {
  beforeAll(() => assertTorch());

  it('diverging runs (SGD, plain MSE, factor null and off, mini-batches, Adam, a gradient, an update) → the CLI exits 1 at the expected epoch', () => {
    for (const run of prepare()) {
      expect(run.train.error?.code, run.name).toBe(EXIT_INVALID);
      expect(run.train.error?.message, run.name).toMatch(new RegExp(`^Training stopped at epoch ${run.epoch}: `));
      // The epoch that stopped the run is logged whatever --log-every says.
      expect(run.train.lines.filter((l) => /^\d+,/.test(l)).at(-1), run.name).toMatch(new RegExp(`^${run.epoch},`));
    }
  });

  it('diverging runs, the scripts run by the batch driver → status 1 and stdout equal to the CLI train output to 1e-9', async () => {
    const runs = prepare();
    const results = await runPythonScripts(runs.map((r) => r.script));
    let lines = 0;
    for (const [k, run] of runs.entries()) {
      expect(results[k].status, `${run.name}:\n${results[k].stderr}`).toBe(1);
      expect(results[k].stderr, run.name).toMatch(/SystemExit: 1\n$/);
      expect(logMismatch(results[k].stdout, run.train.lines), run.name).toBeNull();
      lines += run.train.lines.length;
    }
    console.log(`divergence export: ${runs.length} diverging scripts run by ${PYTHON}, ${lines} lines equal to the CLI's train output`);
  }, 120_000);

  it('diverging runs, each script run as `python3 script.py` → exit status 1, the CLI stdout, and the CLI message on stderr', async () => {
    const runs = prepare();
    const results = await Promise.all(runs.map((r) => python(r.script)));
    for (const [k, run] of runs.entries()) {
      const { status, stdout, stderr } = results[k];
      expect(status, `${run.name}:\n${stderr}`).toBe(1);
      expect(logMismatch(stdout, run.train.lines), run.name).toBeNull();
      // The script says everything the CLI says but where an inf first appeared in the graph (it sees only the loss).
      const cliMessage = (run.train.error?.message ?? '').replace(/ \(it first appeared at [^)]*\)/, '');
      expect(stderr, run.name).toBe(`${cliMessage}\n`);
    }
  }, 120_000);

  it('divergenceFactor null → the script keeps the inf and nan check, with divergence_factor = None', () => {
    const file = graphToFile(boston(true), sgd(0.01, { divergenceFactor: null }));
    const graphPath = join(dir, 'null.json');
    writeFileSync(graphPath, serializeGraphFile(file));
    const code = cli(['export-pytorch', graphPath]).lines.join('\n');
    expect(code).toContain('\ndivergence_factor = None  # the growth rule is off: only inf and nan stop training\n');
    expect(code).toContain('    if not math.isfinite(loss):');
    expect(code).toContain('    nodes, value = non_finite(lambda p: p.grad)');
    expect(cli(['export-pytorch', graphPath, '--divergence-factor', '8500']).lines.join('\n')).toContain('divergence_factor = 8_500');
    expect(cli(['export-pytorch', graphPath, '--divergence-factor', '2.5']).lines.join('\n')).toContain('divergence_factor = 2.5');
  });
});
