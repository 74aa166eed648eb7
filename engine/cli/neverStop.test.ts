import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { logMismatch } from '../codegen/logLines';
import { parseCsv } from '../format/csv';
import { assertTorch, runPythonScripts } from '../testing/debianPython';
import { parseArgs } from './args';
import { CliError, runCommand } from './commands';

const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-never-'));

/** The course's diverging run: Boston RM+LSTAT → PRICE, linear(2,1) at 1.0, MSE/2, SGD lr 0.01, for `epochs` epochs. */
function bostonHalfMse(epochs: number, divergenceFactor?: 'never', dtype?: 'float32'): string {
  const csv = parseCsv(readFileSync(new URL('../../../shared/data/boston_rm_lstat_price.csv', import.meta.url), 'utf8'));
  if (!csv.ok) throw new Error('boston_rm_lstat_price.csv does not parse');
  const file = {
    format: 'gradcanvas-graph',
    ...JSON.parse(readFileSync(new URL('../../public/examples/linear-regression-module.json', import.meta.url), 'utf8')),
    nodes: [
      { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'boston', columns: ['RM', 'LSTAT'] } },
      { id: 'Y', op: 'input', position: { x: 0, y: 200 }, value: { type: 'columns', dataset: 'boston', columns: ['PRICE'] } },
      { id: 'linear', op: 'linear', position: { x: 200, y: 100 }, attrs: { inFeatures: 2, outFeatures: 1 }, init: { type: 'constant', value: 1 } },
      { id: 'loss', op: 'mse', position: { x: 400, y: 100 } },
      { id: 'half', op: 'scale', position: { x: 600, y: 100 }, attrs: { k: 0.5 } },
    ],
    edges: [
      { source: 'X', target: 'linear', targetPort: 'x' },
      { source: 'linear', target: 'loss', targetPort: 'input' },
      { source: 'Y', target: 'loss', targetPort: 'target' },
      { source: 'loss', target: 'half', targetPort: 'x' },
    ],
    loss: 'half',
    datasets: { boston: csv.dataset },
    ...(dtype ? { dtype } : {}),
    training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs, batchSize: null, seed: 0, logEvery: 100, ...(divergenceFactor ? { divergenceFactor } : {}) },
  };
  delete file.history;
  const path = join(dir, `boston-${epochs}-${String(divergenceFactor)}-${dtype ?? 'float64'}.json`);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

/** What the CLI printed on stdout, and the error it stopped with. */
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

const losses = (lines: readonly string[]) => lines.filter((l) => /^\d+,/.test(l)).map((l) => l.split(',')[1]);

describe('divergence stopping turned off: divergenceFactor "never"', () => {
  beforeAll(() => assertTorch());

  it('the MSE/2 run at lr 0.01 runs all 2500 epochs to inf and then nan, with the setting or with --divergence-factor never', () => {
    const r = cli(['train', bostonHalfMse(2500, 'never')]);
    expect(r.error).toBeNull();
    const log = r.lines.filter((l) => /^\d+,/.test(l));
    expect(log.at(-1)).toMatch(/^2499,nan$/);
    expect(losses(r.lines)).toContain('inf');
    expect(losses(r.lines).indexOf('inf')).toBeLessThan(losses(r.lines).indexOf('nan'));
    expect(cli(['train', bostonHalfMse(2500), '--divergence-factor', 'never']).lines).toEqual(r.lines);
    // With the default rule the same run stops at epoch 25.
    expect(cli(['train', bostonHalfMse(2500)]).error?.message).toMatch(/^Training stopped at epoch 25: /);
  });

  it('in float32, as the course prints it, the run reaches inf at epoch 200 and nan at 300 (float64 only near 1,100), with the file\'s dtype or --dtype float32', () => {
    const r = cli(['train', bostonHalfMse(400, 'never', 'float32')]);
    expect(r.error).toBeNull();
    const at = (epoch: number) => r.lines.find((l) => l.startsWith(`${epoch},`));
    expect(at(100)).toMatch(/^100,3\.75383\d*e\+30$/);
    expect(at(200)).toBe('200,inf');
    expect(at(300)).toBe('300,nan');
    expect(cli(['train', bostonHalfMse(400, 'never'), '--dtype', 'float32']).lines).toEqual(r.lines);
    const f64 = cli(['train', bostonHalfMse(1200, 'never')]).lines;
    expect(f64.find((l) => l.startsWith('200,'))).toMatch(/e\+60$/);
    expect(f64.find((l) => l.startsWith('1000,'))).toMatch(/e\+299$/);
    expect(f64.find((l) => l.startsWith('1100,'))).toBe('1100,inf');
  });

  it('in float32 the exported script sets torch.float32 and prints the same lines, inf and nan included', async () => {
    const graph = bostonHalfMse(400, 'never', 'float32');
    const script = join(dir, 'never32.py');
    expect(cli(['export-pytorch', graph, '--log-every', '1', '-o', script]).error).toBeNull();
    expect(readFileSync(script, 'utf8')).toContain('torch.set_default_dtype(torch.float32)');
    const [result] = await runPythonScripts([script]);
    expect(result.status, result.stderr).toBe(0);
    expect(logMismatch(result.stdout, cli(['train', graph, '--log-every', '1']).lines)).toBeNull();
  }, 120_000);

  it('the exported script prints the same lines, inf and nan included, and exits 0', async () => {
    const graph = bostonHalfMse(2500, 'never');
    const script = join(dir, 'never.py');
    expect(cli(['export-pytorch', graph, '-o', script]).error).toBeNull();
    expect(readFileSync(script, 'utf8')).toContain('# Divergence stopping is off (divergenceFactor "never")');
    const [result] = await runPythonScripts([script]);
    expect(result.status, result.stderr).toBe(0);
    expect(logMismatch(result.stdout, cli(['train', graph]).lines)).toBeNull();
    expect(result.stdout).toMatch(/\n2499,nan\n/);
  }, 120_000);
});
