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
function bostonHalfMse(epochs: number, divergenceFactor?: 'never'): string {
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
    training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs, batchSize: null, seed: 0, logEvery: 100, ...(divergenceFactor ? { divergenceFactor } : {}) },
  };
  delete file.history;
  const path = join(dir, `boston-${epochs}-${String(divergenceFactor)}.json`);
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
