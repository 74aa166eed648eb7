import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../cli/args';
import { runCommand } from '../cli/commands';
import { fileToGraph, graphToFile } from '../format/convert';
import { loadGraphFile } from '../format/load';
import type { GraphFile, TrainingSettings } from '../format/schema';
import { serializeGraphFile } from '../format/save';
import { examplePath } from '../testing/cliProcess';
import { assertTorch, PYTHON } from '../testing/debianPython';
import { trainingGraphs } from '../testing/trainingGraphs';
import { INJECTION_CORPUS } from './injectionCorpus';
import { logMismatch } from './logLines';
import { mdText } from './markdown';
import { exportNotebook } from './notebook';
import { exportPytorch } from './pytorch';

const example = (name: string): GraphFile => {
  const r = loadGraphFile(readFileSync(examplePath(name), 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.file;
};
const withTraining = (file: GraphFile, training: Partial<TrainingSettings>): GraphFile => ({ ...file, training: { ...file.training, ...training } });

/** A title carrying Markdown, HTML and code that must stay text. */
const HOSTILE_TITLE = `${INJECTION_CORPUS[0]} <script>alert(1)</script> [x](javascript:alert(1)) $x$ **b**`;

/** What `npm run cli -- <args>` prints, run in this process. */
function cli(...args: string[]): string[] {
  const lines: string[] = [];
  runCommand(parseArgs(args), (l) => lines.push(l));
  return lines;
}

interface Cell {
  readonly cell_type: 'markdown' | 'code';
  readonly source: string[];
}
const cellsOf = (notebook: string): Cell[] => (JSON.parse(notebook) as { cells: Cell[] }).cells;
const text = (c: Cell) => c.source.join('');

/**
 * Validates each notebook with nbformat and executes it with nbclient (a fresh python3
 * kernel each, matplotlib on Agg), with one more cell that reports what the plot drew; returns
 * each one's printed stdout, its errors and stderr, and the extra cell's report.
 */
const DRIVER = `
import json, sys
import nbformat
from nbclient import NotebookClient
results = []
for path in json.load(sys.stdin):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    n = len(nb.cells)
    nb.cells.append(nbformat.v4.new_code_cell('print(len(losses), len(plt.gca().lines[0].get_ydata()), plt.gca().get_xlabel(), plt.gca().get_ylabel())'))
    problems = []
    try:
        NotebookClient(nb, timeout=300, kernel_name='python3').execute()
    except Exception as e:
        problems.append(repr(e))
    stdout, report = '', ''
    for k, cell in enumerate(nb.cells):
        for o in cell.get('outputs', []):
            if o.output_type == 'stream' and o.name == 'stdout':
                if k < n: stdout += o.text
                else: report += o.text
            elif o.output_type == 'stream':
                problems.append(o.text)
            elif o.output_type == 'error':
                problems.append(o.ename + ': ' + o.evalue)
    results.append({'stdout': stdout, 'problems': problems, 'report': report.strip(), 'cells': n})
print(json.dumps(results))
`;

function executeNotebooks(paths: readonly string[]): Promise<{ stdout: string; problems: string[]; report: string; cells: number }[]> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, MPLBACKEND: 'Agg', PYDEVD_DISABLE_FILE_VALIDATION: '1' };
    const child = spawn(PYTHON, ['-Xfrozen_modules=off', '-c', DRIVER], { stdio: ['pipe', 'pipe', 'pipe'], env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(JSON.parse(stdout)) : reject(new Error(`python exited with ${status}: ${stderr}`))));
    child.stdin.end(JSON.stringify(paths));
  });
}

describe('exportNotebook', () => {
  it('linear regression → a Markdown cell before each part, code cells for setup, data, model, loss, optimizer, training loop, then the plot', () => {
    const file = example('linear-regression-module');
    const cells = cellsOf(exportNotebook(fileToGraph(file), file.training, { title: file.name }));
    expect(cells.map((c) => c.cell_type)).toEqual(['markdown', ...Array<string[]>(7).fill(['markdown', 'code']).flat()]);
    const headings = cells.filter((c) => c.cell_type === 'markdown').map((c) => text(c).split('\n')[0]);
    expect(headings).toEqual([`# ${mdText(file.name as string)}`, '## Setup', '## Data', '## Model', '## Loss', '## Optimizer', '## Training loop', '## Loss curve']);
    const code = cells.filter((c) => c.cell_type === 'code').map(text);
    expect(code[0]).toContain('device = torch.device("cuda" if torch.cuda.is_available() else "cpu")');
    expect(code[1]).toMatch(/^# Data\n/);
    expect(code[2]).toMatch(/^class Net\(nn.Module\):[\s\S]*\nnet = Net\(\)\.to\(device\)$/);
    expect(code[3]).toMatch(/^criterion = nn.MSELoss/);
    expect(code[4]).toMatch(/^optimizer = torch.optim.SGD/);
    expect(code[5]).toContain('losses.append(epoch_loss)');
    expect(code[6]).toContain('plt.plot(range(len(losses)), losses)');
  });

  it('the code cells are the exported script itself, cut at its parts (plus the list of losses the plot reads)', () => {
    for (const name of ['linear-regression-module', 'multiclass-classification', 'composite-function']) {
      const file = example(name);
      const script = exportPytorch(fileToGraph(file), file.training, { title: file.name }).code;
      const cells = cellsOf(exportNotebook(fileToGraph(file), file.training, { title: file.name })).filter((c) => c.cell_type === 'code');
      const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '' && !/^\s*losses( = \[\]|\.append)/.test(l));
      expect(lines(cells.slice(0, -1).map(text).join('\n')), name).toEqual(lines(script));
    }
  });

  it('a graph without a criterion or an optimizer → the loss and optimizer cells say so in words, in Japanese with lang ja', () => {
    const file = example('composite-function');
    const md = cellsOf(exportNotebook(fileToGraph(file), file.training, { title: file.name, lang: 'ja' }))
      .filter((c) => c.cell_type === 'markdown')
      .map(text);
    expect(md.map((t) => t.split('\n')[0])).toEqual([`# ${mdText(file.name as string)}`, '## 準備', '## データ', '## モデル', '## 損失関数', '## 最適化手法', '## 学習ループ', '## 損失の推移']);
    expect(md[4]).toContain('モデルの出力が損失です');
    expect(md[5]).toContain('学習するパラメータがないので');
  });

  it('a hostile title → the heading shows it as text: no tag, link, math or line break reaches the Markdown', () => {
    const file = example('linear-regression-module');
    const cells = cellsOf(exportNotebook(fileToGraph(file), file.training, { title: HOSTILE_TITLE }));
    const heading = text(cells[0]).split('\n')[0];
    expect(heading).toBe(`# ${mdText(HOSTILE_TITLE)}`);
    expect(heading).not.toMatch(/<script|\]\(|\$x\$|\*\*/);
    // The code cells carry it only through pyComment.
    expect(text(cells[2])).toContain('# Graph: Demo\\u000aprint(');
  });

  it('the CLI: export-notebook -o writes the notebook, --lang ja writes Japanese; --lang fr and --lang on train are usage errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-notebook-cli-'));
    const out = join(dir, 'course.ipynb');
    expect(cli('export-notebook', examplePath('linear-regression-module'), '-o', out, '--lang', 'ja')).toEqual([]);
    const cells = cellsOf(readFileSync(out, 'utf8'));
    expect(text(cells[1])).toMatch(/^## 準備/);
    expect(JSON.parse(cli('export-notebook', examplePath('linear-regression-module')).join('\n')).nbformat).toBe(4);
    expect(() => parseArgs(['export-notebook', 'g.json', '--lang', 'fr'])).toThrow("--lang must be en or ja, got 'fr'");
    expect(() => parseArgs(['train', 'g.json', '--lang', 'ja'])).toThrow('--lang applies to export-notebook only');
  });
});

describe('exported notebooks run by Jupyter', () => {
  beforeAll(() => assertTorch());

  it('examples and engine test graphs → nbformat-valid notebooks that nbclient runs, printing the CLI train log to 1e-9 and plotting every epoch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-notebook-'));
    const [mlp] = trainingGraphs();
    const cases: { name: string; file: GraphFile; args: string[] }[] = [
      { name: 'linear regression (en)', file: example('linear-regression-module'), args: ['--epochs', '5'] },
      { name: 'three classes, mini-batches of 16, accuracy and validation (ja)', file: withTraining(example('multiclass-classification'), { batchSize: 16, seed: 42 }), args: ['--epochs', '3', '--lang', 'ja'] },
      { name: 'an MLP, Adam with AMSGrad, a hostile title', file: graphToFile(mlp.graph, { optimizer: { type: 'adam', lr: 0.05, amsgrad: true }, epochs: 3, batchSize: null, seed: 0 }, HOSTILE_TITLE), args: [] },
      { name: 'a function with no parameters (no optimizer)', file: example('composite-function'), args: ['--epochs', '2'] },
    ];
    const runs = cases.map((c, k) => {
      const graph = join(dir, `graph${k}.json`);
      writeFileSync(graph, serializeGraphFile(c.file));
      const notebook = join(dir, `notebook${k}.ipynb`);
      cli('export-notebook', graph, '-o', notebook, ...c.args);
      const log = cli('train', graph, ...c.args.filter((_, i) => !c.args.slice(0, i + 1).includes('--lang')));
      const epochs = Number(c.args[c.args.indexOf('--epochs') + 1] ?? c.file.training.epochs) || c.file.training.epochs;
      return { ...c, notebook, log, epochs };
    });
    const started = Date.now();
    const results = await executeNotebooks(runs.map((r) => r.notebook));
    for (const [k, run] of runs.entries()) {
      const r = results[k];
      expect(r.problems, run.name).toEqual([]);
      expect(r.stdout, run.name).not.toContain('PWNED');
      expect(logMismatch(r.stdout, run.log), run.name).toBeNull();
      expect(r.report, run.name).toBe(`${run.epochs} ${run.epochs} epoch loss`);
    }
    console.log(`exported notebooks: ${runs.length} validated by nbformat and run by nbclient in ${((Date.now() - started) / 1000).toFixed(1)} s, each printing its CLI train log (${runs.map((r) => r.log.length).join(', ')} lines)`);
  }, 180_000);
});
