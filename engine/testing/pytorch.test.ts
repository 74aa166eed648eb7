import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import type { Program } from '../exec/program';
import { OPS } from '../ops/registry';
import { Tally, compareGraph } from './compare';
import { type EngineTraining, compareTraining, trainWithEngine } from './compareTraining';
import { edgeGraphs } from './edgeGraphs';
import { axisTieGraphs, maxTieGraphs } from './fixedGraphs';
import { type NamedGraph, addFeatures, emptyFeatures, randomGraphs } from './randomGraph';
import { runPython } from './debianPython';
import { type TorchGraphSpec, type TorchResults, graphSpec, runTorch } from './torchBridge';
import { OPTIMIZER_CASES, trainingGraphs } from './trainingGraphs';

// Differential test of the engine against PyTorch 1.13 in float64. Values and gradients must
// agree to 1e-9 relative: |a − b| ≤ 1e-9 · max(|a|, |b|) + 1e-12 (see compare.ts).

const PYTHON = '/usr/bin/python3';
const SEED = 20240601;
const RANDOM_GRAPHS = 240;
const STEPS = 20;

/** Fails (never skips) with the fix when PyTorch cannot be imported. */
function requireTorch(): void {
  const r = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (r.status !== 0) {
    const why = r.error?.message ?? r.stderr.trim().split('\n').pop();
    throw new Error(`this test needs PyTorch, but \`${PYTHON} -c "import torch"\` failed (${why}). Install it with: apt-get install -y python3-torch`);
  }
}

/** A graph compiled and run forward and backward by the engine, with its Python translation. */
interface EngineRun {
  readonly program: Program;
  readonly spec: TorchGraphSpec;
}

/** Compiles, runs forward and backward from the loss, and translates the graph to Python. */
function runEngine({ name, graph }: NamedGraph): EngineRun {
  const { program, problems } = compile(graph);
  if (!program) throw new Error(`${name} does not compile: ${problems.map((p) => p.message).join('; ')}`);
  program.forward();
  program.backward();
  return { program, spec: graphSpec(name, graph, program) };
}

/** The mismatches, with the Python code of the first graph that has one. */
function report(tally: Tally, specs: readonly TorchGraphSpec[]): string {
  const first = specs.find((s) => tally.mismatches.some((m) => m.startsWith(`${s.name} `)));
  return `${tally.failures} mismatches:\n${tally.mismatches.join('\n')}${first ? `\n\nPython of ${first.name}:\n${first.code}` : ''}`;
}

describe('the engine against PyTorch float64', () => {
  const randoms = randomGraphs(SEED, RANDOM_GRAPHS);
  const ties = [...maxTieGraphs(), ...axisTieGraphs()];
  const edges = edgeGraphs();
  const templates = trainingGraphs();
  let randomRuns: EngineRun[] = [];
  let tieRuns: EngineRun[] = [];
  let edgeRuns: EngineRun[] = [];
  let trainings: EngineTraining[][] = [];
  let torch: TorchResults;
  let pythonSeconds = 0;
  const graphTally = new Tally();
  const trainTallies = OPTIMIZER_CASES.map(() => new Tally());

  // A setup failure (PyTorch missing, the driver crashing) fails every comparison, never skips it.
  let setupError: unknown = null;
  const ready = (): void => {
    if (setupError) throw setupError;
  };

  beforeAll(() => {
    try {
      requireTorch();
      randomRuns = randoms.map(runEngine);
      tieRuns = ties.map(runEngine);
      edgeRuns = edges.map(runEngine);
      trainings = OPTIMIZER_CASES.map((o) => templates.map((g) => trainWithEngine(`${g.name} / ${o.name}`, g.graph, o.settings, STEPS)));
      const start = performance.now();
      torch = runTorch(
        { graphs: [...randomRuns, ...tieRuns, ...edgeRuns].map((r) => r.spec), trainings: trainings.flat().map((t) => t.spec) },
        runPython,
      );
      pythonSeconds = (performance.now() - start) / 1000;
    } catch (e) {
      setupError = e;
    }
  }, 60_000);

  afterAll(() => {
    if (setupError) return;
    const all = new Tally();
    all.absorb(graphTally);
    for (const t of trainTallies) all.absorb(t);
    console.log(`${all.summary(`PyTorch ${torch?.torch ?? '?'} differential test`)}; ${STEPS} steps per run, Python took ${pythonSeconds.toFixed(1)} s`);
  });

  it(`randomGraphs(${SEED}, ${RANDOM_GRAPHS}) covers every op, ranks 0..4, broadcasting, the c fallback and every leaf kind`, () => {
    const features = emptyFeatures();
    for (const g of randoms) {
      const { shapes, problems } = compile(g.graph);
      expect(problems, g.name).toEqual([]);
      addFeatures(features, g.graph, shapes);
    }
    for (const op of OPS) expect(features.ops.get(op.name) ?? 0, `graphs using ${op.name}`).toBeGreaterThanOrEqual(30);
    expect([...features.ranks].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(features.broadcasts).toBeGreaterThanOrEqual(50);
    expect(features.fallbacks).toBeGreaterThanOrEqual(50);
    expect([...features.leafKinds].sort()).toEqual(['constant', 'input', 'input (requiresGrad)', 'parameter']);
  });

  it(`compile(graph) forward and backward match PyTorch on ${RANDOM_GRAPHS} random graphs: values, leaf, parameter and intermediate gradients`, () => {
    ready();
    randomRuns.forEach((r, i) => compareGraph(graphTally, r.spec.name, r.program, torch.graphs[i]));
    expect(graphTally.failures, report(graphTally, randomRuns.map((r) => r.spec))).toBe(0);
  });

  it('max() splits the gradient evenly among tied maxima, as torch.max() does; along an axis the first maximum takes it and argmax picks it, as torch.max(x, dim) and torch.argmax do', () => {
    ready();
    const tally = new Tally();
    tieRuns.forEach((r, i) => compareGraph(tally, r.spec.name, r.program, torch.graphs[randomRuns.length + i]));
    graphTally.absorb(tally);
    expect(tally.failures, report(tally, tieRuns.map((r) => r.spec))).toBe(0);
  });

  it('edge values (bce clamps, ±1000 logits, NaN into max, 0 into log, pow and div, overflow, −0) give PyTorch’s values and gradients', () => {
    ready();
    const tally = new Tally();
    const offset = randomRuns.length + tieRuns.length;
    edgeRuns.forEach((r, i) => compareGraph(tally, r.spec.name, r.program, torch.graphs[offset + i]));
    graphTally.absorb(tally);
    expect(tally.failures, report(tally, edgeRuns.map((r) => r.spec))).toBe(0);
  });

  it.each(OPTIMIZER_CASES.map((o, i) => [o.name, i] as const))(
    `Trainer.epoch() with %s matches torch.optim: loss and parameters at each of ${STEPS} steps`,
    (_name, i) => {
      ready();
      const offset = trainings.slice(0, i).flat().length;
      trainings[i].forEach((run, j) => compareTraining(trainTallies[i], run, torch.trainings[offset + j]));
      expect(trainTallies[i].failures, report(trainTallies[i], trainings[i].map((t) => t.spec))).toBe(0);
    },
  );
});
