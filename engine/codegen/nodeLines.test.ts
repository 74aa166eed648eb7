import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { fileOptimizerState, fileToGraph, toFileOptimizerState, toFileTensor } from '../format/convert';
import { loadGraphFile } from '../format/load';
import type { GraphFile } from '../format/schema';
import type { Graph } from '../graph/types';
import { assertTorch, runPythonScripts } from '../testing/debianPython';
import { compositeFunction, scalarChain } from '../testing/graphs';
import { randomGraphs } from '../testing/randomGraph';
import { trainingGraphs } from '../testing/trainingGraphs';
import type { TrainSettings } from '../train/trainer';
import { Trainer } from '../train/trainer';
import { exportCourseScript } from './courseScript';
import { exportPytorch, prepareExport, type PytorchExport } from './pytorch';

const examplesDir = new URL('../../public/examples/', import.meta.url);
function example(name: string): GraphFile {
  const r = loadGraphFile(readFileSync(new URL(`${name}.json`, examplesDir), 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.file;
}

/** One epoch, full batch: the first forward the script runs is the one the engine computes. */
const ONE_EPOCH: TrainSettings = { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 1, batchSize: null, seed: 0 };

interface Case {
  readonly name: string;
  readonly graph: Graph;
  readonly training: TrainSettings;
}

/** The shipped examples, the engine's training graphs and random graphs (course scripts and training scripts). */
function cases(): Case[] {
  const shipped = readdirSync(examplesDir).filter((f) => f.endsWith('.json') && f !== 'index.json').map((f) => f.replace(/\.json$/, ''));
  return [
    ...shipped.map((n) => ({ name: n, graph: fileToGraph(example(n)), training: { ...example(n).training, epochs: 1, batchSize: null } })),
    { name: 'composite function (engine)', graph: compositeFunction(), training: ONE_EPOCH },
    { name: 'scalar chain of 6', graph: scalarChain(6), training: ONE_EPOCH },
    ...trainingGraphs().map(({ name, graph }) => ({ name, graph, training: ONE_EPOCH })),
    ...randomGraphs(20261127, 30).map(({ name, graph }) => ({ name, graph, training: ONE_EPOCH })),
  ];
}

/** The script the PyTorch view shows for a graph: the course's form when it has one, else the training script. */
function script(c: Case): PytorchExport {
  return exportCourseScript(c.graph, c.name) ?? exportPytorch(c.graph, c.training, { title: c.name });
}

/** The nodes the loss is computed from, itself included. */
function lossUpstream(graph: Graph): Set<string> {
  const seen = new Set<string>(graph.loss === undefined ? [] : [graph.loss]);
  const stack = [...seen];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const e of graph.edges) {
      if (e.target === id && !seen.has(e.source)) {
        seen.add(e.source);
        stack.push(e.source);
      }
    }
  }
  return seen;
}

/** The variable a line assigns (`X`, `self.W`, `loss`). */
function assigned(line: string): string {
  const m = /^\s*((?:self\.)?[A-Za-z_][A-Za-z0-9_]*) = /.exec(line);
  if (!m) throw new Error(`not an assignment: ${line}`);
  return m[1];
}

describe("the code generator's line of each node", () => {
  beforeAll(() => assertTorch());

  it('maps every node the loss is computed from to a line that assigns its variable and names it', () => {
    for (const c of cases()) {
      const s = script(c);
      const lines = s.code.split('\n');
      for (const id of lossUpstream(c.graph)) {
        const at = s.nodeLines.get(id);
        expect(at, `${c.name}: node ${id} has a line`).toBeGreaterThan(0);
        const line = lines[(at as number) - 1];
        const variable = assigned(line);
        expect(line, `${c.name}: ${id}`).toContain(variable);
        // The criterion's line computes the loss into `loss`; every other line names its node in the comment.
        if (line.trimStart().startsWith('loss = criterion(')) expect(at).toBe(s.phaseLines.loss);
        else expect(line, `${c.name}: ${id}`).toContain(`# node "${id}" (`);
      }
    }
  });

  it('the examples: X = height − mean in the inputs, W in __init__, WX in forward(), the criterion loss in the loop', () => {
    const at = (file: string, id: string) => {
      const s = script({ name: file, graph: fileToGraph(example(file)), training: example(file).training });
      return s.code.split('\n')[(s.nodeLines.get(id) as number) - 1].replace(/ {2}#.*$/, '');
    };
    expect(at('linear-regression-by-hand', 'X')).toBe('X = height - height_mean');
    expect(at('linear-regression-by-hand', 'W')).toBe('        self.W = nn.Parameter(torch.tensor(1.0))');
    expect(at('linear-regression-by-hand', 'WX')).toBe('        WX = self.W * X');
    expect(at('linear-regression-by-hand', 'loss')).toBe('        loss_ = torch.mean(err2)');
    expect(at('linear-regression-module', 'linear')).toMatch(/^ {8}linear = self\.linear\(/);
    expect(at('linear-regression-module', 'loss')).toMatch(/^ {4}loss = criterion\(outputs, /);
    expect(at('composite-function', 'square')).toBe('square = x**2');
    expect(at('composite-function', 'z')).toBe('z = y.sum()');
  });

  it("each mapped line, run in PyTorch, assigns exactly the engine's forward value of its node", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-lines-'));
    const all = cases();
    const paths = all.map((c, k) => {
      const s = script(c);
      const lines = s.code.split('\n');
      // After each node's line, at its indentation, record the value the line assigned (the first time it runs).
      const after = new Map([...s.nodeLines].map(([id, at]) => [at, id]));
      const probed = lines.flatMap((line, i) => {
        const id = after.get(i + 1);
        if (id === undefined) return [line];
        const indent = /^\s*/.exec(line)?.[0] ?? '';
        return [line, `${indent}_probe(${JSON.stringify(id)}, ${assigned(line)})`];
      });
      const path = join(dir, `case${k}.py`);
      const probe = ['import json', '_seen = {}', 'def _probe(k, v):', '    _seen.setdefault(k, v.detach().double().flatten().tolist())', ''];
      writeFileSync(path, [...probe, ...probed, 'print(json.dumps(_seen))', ''].join('\n'));
      return path;
    });
    const runs = await runPythonScripts(paths);
    all.forEach((c, k) => {
      const run = runs[k];
      expect(run.stderr, c.name).toBe('');
      const seen = JSON.parse(run.stdout.trim().split('\n').at(-1) as string) as Record<string, number[]>;
      const { program } = compile(c.graph);
      program!.forward();
      const s = script(c);
      for (const id of s.nodeLines.keys()) {
        const expected = Array.from(program!.value(id).data);
        const got = seen[id];
        expect(got, `${c.name}: ${id} ran`).toBeDefined();
        expect(got.length, `${c.name}: ${id}`).toBe(expected.length);
        got.forEach((v, i) => {
          if (Number.isFinite(expected[i])) expect(Math.abs(v - expected[i]), `${c.name}: ${id}[${i}]`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected[i])));
          else expect(String(v), `${c.name}: ${id}[${i}]`).toBe(String(expected[i]));
        });
      }
    });
  });

  it('a prepared script written with trained parameters and optimizer state is the script of the trained graph', () => {
    const file = { ...example('linear-regression-module'), training: { ...example('linear-regression-module').training, optimizer: { type: 'adam' as const, lr: 0.01 } } };
    const write = prepareExport(fileToGraph(file), file.training, { title: file.name });
    const trainer = new Trainer(fileToGraph(file), file.training);
    for (let e = 0; e < 5; e++) trainer.epoch();
    const nodes = file.nodes.map((n) => {
      const own = trainer.program.params.filter((p) => p.node === n.id);
      return own.length === 0 ? n : { ...n, params: Object.fromEntries(own.map((p) => [p.name, toFileTensor({ shape: p.shape, data: p.value })])) };
    });
    const trained: GraphFile = { ...file, nodes, optimizerState: toFileOptimizerState(trainer.optimizer.state()) };
    const param = (node: string, name: string) => trainer.program.params.find((p) => p.node === node && p.name === name)?.value;
    const rewritten = write({ param, optimizerState: fileOptimizerState(trained) });
    const fresh = exportPytorch(fileToGraph(trained), trained.training, { title: trained.name, optimizerState: fileOptimizerState(trained) });
    expect(rewritten.code).toBe(fresh.code);
    expect(rewritten.phaseLines).toEqual(fresh.phaseLines);
    expect([...rewritten.nodeLines]).toEqual([...fresh.nodeLines]);
    // The optimizer state adds lines, so the loop's lines moved down from the untrained script's.
    expect(rewritten.code).toContain("optimizer.state[net.linear.weight]['exp_avg']");
    expect(rewritten.phaseLines.update).toBeGreaterThan(write().phaseLines.update);
  });
});
