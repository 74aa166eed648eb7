import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tensorLine } from '../cli/print';
import { parseCsv } from '../format/csv';
import type { Dataset, Graph } from '../graph/types';
import type { ParamState } from '../optim/types';
import { assertTorch, PYTHON, runPythonScripts } from '../testing/debianPython';
import { logLine, MeasuredTraining } from '../train/log';
import type { TrainSettings } from '../train/trainer';
import { INJECTION_CORPUS } from './injectionCorpus';
import { logMismatch } from './logLines';
import { exportPytorch } from './pytorch';

const ROWS = [
  [1, 2],
  [2, 4.1],
  [3, 5.9],
  [4, 8.2],
  [5, 9.8],
  [6, 12.1],
];

/**
 * `data X → linear → add(parameter) → mse ← data Y` with `s` in every text the graph
 * holds: the dataset's name, each node's id (alone, and inside longer ids) and label.
 */
function hostileGraph(s: string, d: Dataset): Graph {
  const id = { x: s, y: `y${s}`, lin: `${s}lin`, p: `p${s}p`, add: `${s}add`, loss: `${s}loss` };
  const t = (shape: number[], v: number[]) => ({ shape, data: Float64Array.from(v) });
  return {
    nodes: [
      { id: id.x, op: 'input', label: s, value: { type: 'columns', dataset: s, columns: [d.columns[0]] } },
      { id: id.y, op: 'input', label: s, value: { type: 'columns', dataset: s, columns: [d.columns[1]] } },
      { id: id.lin, op: 'linear', label: s, attrs: { inFeatures: 1, outFeatures: 1 }, params: { weight: t([1, 1], [0.5]), bias: t([1], [-0.25]) } },
      { id: id.p, op: 'parameter', label: s, shape: [1], params: { value: t([1], [0.1]) } },
      { id: id.add, op: 'add', label: s },
      { id: id.loss, op: 'mse', label: s },
    ],
    edges: [
      { source: id.x, target: id.lin, targetPort: 'x' },
      { source: id.lin, target: id.add, targetPort: 'a' },
      { source: id.p, target: id.add, targetPort: 'b' },
      { source: id.add, target: id.loss, targetPort: 'input' },
      { source: id.y, target: id.loss, targetPort: 'target' },
    ],
    loss: id.loss,
    // Object.fromEntries keeps a name like `__proto__` an own key, as JSON.parse does.
    datasets: Object.fromEntries([[s, d]]),
  };
}

/** The text as a CSV header name: within the 200 characters a column name may have, keeping both ends (and the code inside). */
const headerText = (s: string) => (s.length <= 190 ? s : s.slice(0, 40) + s.slice(-140));

/** A CSV whose two header cells carry `s` (quoted, so line breaks and quotes are part of the name). */
function hostileCsv(s: string): Dataset {
  const cell = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const h = headerText(s);
  const text = [`${cell(`a${h}z`)},${cell(`b${h}z`)}`, ...ROWS.map((r) => r.join(','))].join('\n');
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`the CSV for ${JSON.stringify(s.slice(0, 40))} does not parse: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.dataset;
}

/** What `train` prints for the graph: tensorLine escapes each name as the CLI shows it. */
function trainLog(graph: Graph, settings: TrainSettings, saved: readonly ParamState[]): string[] {
  const run = new MeasuredTraining(graph, settings, saved);
  const out = [run.columns.join(',')];
  for (let epoch = 0; epoch < settings.epochs; epoch++) out.push(logLine(run.columns, run.epoch()));
  for (const p of run.trainer.program.params) out.push(tensorLine(`${p.node}.${p.name}`, { shape: p.shape, data: p.value }));
  return out;
}

/** The graph with a validation split of the hostile dataset beside it, under the hostile name + `_test`. */
function withSplit(graph: Graph, s: string): Graph {
  const d = (graph.datasets ?? {})[s];
  return { ...graph, datasets: Object.fromEntries([[s, d], [`${s}_test`, { columns: d.columns, rows: ROWS.slice(0, 3).map(([x, y]) => [x + 0.5, y]) }]]) };
}

interface Case {
  readonly name: string;
  readonly title: string;
  readonly graph: Graph;
  readonly settings: TrainSettings;
  readonly saved: readonly ParamState[];
}

/** Four exports per text: full batch with saved momentum, mini-batches with saved Adam moments, CSV header names, and a validation split named after it. */
function cases(): Case[] {
  return INJECTION_CORPUS.flatMap((s, k): Case[] => {
    const file = hostileGraph(s, { columns: [s, `${s}2`], rows: ROWS });
    const [lin, p] = [`${s}lin`, `p${s}p`];
    return [
      {
        name: `text ${k}, full batch, SGD momentum`,
        title: s,
        graph: file,
        settings: { optimizer: { type: 'sgd', lr: 0.01, momentum: 0.9 }, epochs: 3, batchSize: null, seed: 0 },
        saved: [
          { node: lin, name: 'weight', momentumBuffer: [0.2] },
          { node: lin, name: 'bias', momentumBuffer: [-0.1] },
          { node: p, name: 'value', momentumBuffer: [0.05] },
        ],
      },
      {
        name: `text ${k}, mini-batches, Adam AMSGrad`,
        title: s,
        graph: file,
        settings: { optimizer: { type: 'adam', lr: 0.05, amsgrad: true }, epochs: 3, batchSize: 4, seed: 3 },
        saved: [{ node: lin, name: 'weight', expAvg: [0.1], expAvgSq: [0.02], maxExpAvgSq: [0.03], step: 2 }],
      },
      {
        name: `text ${k}, CSV header cells`,
        title: s,
        graph: hostileGraph(s, hostileCsv(s)),
        settings: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 3, batchSize: null, seed: 0 },
        saved: [],
      },
      {
        name: `text ${k}, a validation split named after it`,
        title: s,
        graph: withSplit(file, s),
        settings: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 3, batchSize: 4, seed: 1 },
        saved: [],
      },
    ];
  });
}

/** Characters that must never reach a script raw (besides its own \n line ends): controls, format characters, separators, lone surrogates. */
const RAW_HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

describe('export of hostile names', () => {
  beforeAll(() => assertTorch());

  it('CSV header cells with line breaks, quotes and surrogates → parseCsv keeps them as the exact column names', () => {
    for (const s of INJECTION_CORPUS) expect(hostileCsv(s).columns).toEqual([`a${headerText(s)}z`, `b${headerText(s)}z`]);
  });

  it('every corpus text as title, node ids, labels, dataset and column names → each script, run by PyTorch, prints only the training log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-injection-'));
    const runs = cases().map((c, k) => {
      const code = exportPytorch(c.graph, c.settings, { title: c.title, optimizerState: c.saved }).code;
      const lines = code.split('\n');
      expect(lines.slice(0, 2), c.name).toEqual([
        '# A runnable PyTorch script exported from GradCanvas; its numbers match GradCanvas (float64).',
        '# Each line that computes a node names it in a comment.',
      ]);
      expect(code.replaceAll('\n', ''), c.name).not.toMatch(RAW_HIDDEN);
      const script = join(dir, `case${k}.py`);
      writeFileSync(script, code);
      return { ...c, script, log: trainLog(c.graph, c.settings, c.saved) };
    });
    const results = await runPythonScripts(runs.map((r) => r.script));
    for (const [k, run] of runs.entries()) {
      const { status, stdout, stderr } = results[k];
      expect(status, `${run.name}:\n${stderr}`).toBe(0);
      expect(stderr, run.name).toBe('');
      expect(stdout, run.name).not.toContain('PWNED');
      expect(logMismatch(stdout, run.log), run.name).toBeNull();
    }
    console.log(`export injection: ${runs.length} scripts (${INJECTION_CORPUS.length} texts × 4) run by ${PYTHON}, each printing only its ${runs[0].log.length}-line training log`);
    expect(runs.length).toBe(INJECTION_CORPUS.length * 4);
    expect(runs.filter((r) => r.log[0] === 'epoch,loss,val_loss')).toHaveLength(INJECTION_CORPUS.length);
  }, 120_000);

  it('a title declaring a source encoding (coding: unicode_escape) → `python3 script.py` still decodes UTF-8 and prints only the log', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-coding-'));
    for (const title of INJECTION_CORPUS.filter((s) => s.includes('coding:'))) {
      // Escapes in the script's literals would turn into real line breaks if Python decoded it with unicode_escape.
      const s = `${title}\n${INJECTION_CORPUS[0]}`;
      const graph = hostileGraph(s, { columns: [s, `${s}2`], rows: ROWS });
      const settings: TrainSettings = { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 2, batchSize: null, seed: 0 };
      const script = join(dir, 'script.py');
      writeFileSync(script, exportPytorch(graph, settings, { title }).code);
      const r = spawnSync(PYTHON, [script], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('PWNED');
      expect(logMismatch(r.stdout, trainLog(graph, settings, []))).toBeNull();
    }
  }, 60_000);
});
