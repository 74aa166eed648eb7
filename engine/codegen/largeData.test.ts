import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../cli/args';
import { runCommand } from '../cli/commands';
import { loadGraphFile } from '../format/load';
import type { GraphFile } from '../format/schema';
import { serializeGraphFile } from '../format/save';
import { examplePath } from '../testing/cliProcess';
import { assertTorch, PYTHON } from '../testing/debianPython';
import { EMBED_MAX_ROWS } from './dataBlock';
import { exportPytorch } from './pytorch';
import { fileToGraph } from '../format/convert';
import { logMismatch } from './logLines';

/** What `npm run cli -- <args>` prints, run in this process. */
function cli(...args: string[]): string[] {
  const lines: string[] = [];
  runCommand(parseArgs(args), (l) => lines.push(l));
  return lines;
}

/** `rows` rows of x, y = 2x + 1 with a little deterministic noise, as a CSV file's text. */
function csvText(rows: number): string {
  const lines = ['x,y'];
  for (let i = 0; i < rows; i++) {
    const x = (i % 997) / 100;
    lines.push(`${x},${2 * x + 1 + ((i * 7919) % 13) / 100}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The linear-regression example reading x and y from a dataset `big`. */
function graphOnBig(): GraphFile {
  const r = loadGraphFile(readFileSync(examplePath('linear-regression-module'), 'utf8'));
  if (!r.ok) throw new Error('the example does not load');
  const file = r.file;
  const linear = file.nodes.find((n) => n.op === 'linear') as GraphFile['nodes'][number];
  return {
    ...file,
    nodes: [
      { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'big', columns: ['x'] } },
      { id: 'Y', op: 'input', position: { x: 0, y: 200 }, value: { type: 'columns', dataset: 'big', columns: ['y'] } },
      linear,
      { id: 'loss', op: 'mse', position: { x: 400, y: 100 } },
    ],
    edges: [
      { source: 'X', target: linear.id, targetPort: 'x' },
      { source: linear.id, target: 'loss', targetPort: 'input' },
      { source: 'Y', target: 'loss', targetPort: 'target' },
    ],
    loss: 'loss',
    datasets: { big: { columns: ['x', 'y'], rows: [[0, 1], [1, 3]] } },
    training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 3, batchSize: null, seed: 0 },
  };
}

describe('large datasets in the export', () => {
  beforeAll(() => assertTorch());

  it(`a --csv dataset of more than ${EMBED_MAX_ROWS} rows → the script reads it from data-dir/file.csv instead of embedding rows, and prints the CLI train log`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-large-'));
    mkdirSync(join(dir, 'data'));
    const csv = join(dir, 'data', 'big.csv');
    writeFileSync(csv, csvText(EMBED_MAX_ROWS + 1));
    const graph = join(dir, 'graph.json');
    writeFileSync(graph, serializeGraphFile(graphOnBig()));
    const script = join(dir, 'model.py');
    cli('export-pytorch', graph, '--csv', `big=${csv}`, '--data-dir', 'data', '-o', script);
    const code = readFileSync(script, 'utf8');
    expect(code).toContain('data_big = torch.tensor(np.loadtxt("data/big.csv", delimiter=",", skiprows=1, ndmin=2), dtype=torch.get_default_dtype()).to(device)');
    expect(code.length).toBeLessThan(20_000);
    // The script runs where data/ is, as a learner runs it beside the data.
    const r = spawnSync(PYTHON, ['model.py'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(logMismatch(r.stdout, cli('train', graph, '--csv', `big=${csv}`))).toBeNull();

    // The notebook reads it the same way.
    const notebook = join(dir, 'course.ipynb');
    cli('export-notebook', graph, '--csv', `big=${csv}`, '--data-dir', 'data', '-o', notebook);
    expect(readFileSync(notebook, 'utf8')).toContain('np.loadtxt(\\"data/big.csv\\"');
  }, 60_000);

  it(`a --csv dataset of ${EMBED_MAX_ROWS} rows, or a large one without a path (the page) → its rows are written into the script`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-large-'));
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, csvText(EMBED_MAX_ROWS));
    const graph = join(dir, 'graph.json');
    writeFileSync(graph, serializeGraphFile(graphOnBig()));
    const code = cli('export-pytorch', graph, '--csv', `big=${csv}`).join('\n');
    expect(code).not.toContain('np.loadtxt');
    expect(code).toContain('data_big = torch.tensor([[0.0, 1.0],');
    // The page knows no file: the rows go into the script whatever their number.
    const large = graphOnBig();
    const rows = Array.from({ length: EMBED_MAX_ROWS + 1 }, (_, i) => [i, 2 * i]);
    const page = exportPytorch(fileToGraph({ ...large, datasets: { big: { columns: ['x', 'y'], rows } } }), large.training).code;
    expect(page).not.toContain('np.loadtxt');
    expect(page).toContain(`    [${EMBED_MAX_ROWS}.0, ${2 * EMBED_MAX_ROWS}.0]]).to(device)`);
  });

  it('a file whose shape differs from what GradCanvas read → the script stops with a message naming both shapes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-large-'));
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, csvText(EMBED_MAX_ROWS + 1));
    const graph = join(dir, 'graph.json');
    writeFileSync(graph, serializeGraphFile(graphOnBig()));
    const script = join(dir, 'model.py');
    cli('export-pytorch', graph, '--csv', `big=${csv}`, '-o', script);
    writeFileSync(csv, csvText(EMBED_MAX_ROWS + 5));
    const r = spawnSync(PYTHON, [script], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`the CSV file holds (${EMBED_MAX_ROWS + 5}, 2) values, GradCanvas read (${EMBED_MAX_ROWS + 1}, 2)`);
  }, 60_000);
});
