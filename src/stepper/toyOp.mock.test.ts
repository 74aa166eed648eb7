import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { compile, exportPytorch, type Graph, type GraphFile, OPS } from '../../engine';
import { Tally, close, compareGraph } from '../../engine/testing/compare';
import { assertTorch, runPython, runPythonScripts } from '../../engine/testing/debianPython';
import { toyCube } from '../../engine/testing/fixtures/toyOp';
import { randomGraphs } from '../../engine/testing/randomGraph';
import { graphSpec, runTorch } from '../../engine/testing/torchBridge';
import { filterPalette, paletteItems } from '../panels/paletteGroups';
import { explain } from './explain';
import { Session } from '../session/Session';
import { example } from './testGraphs';

// An op is one file plus one registry line. The toy op (engine/testing/fixtures/toyOp.ts) is
// registered here by mocking the registry module, and nothing else is told about it.
vi.mock('../../engine/ops/registry', async (importOriginal) => {
  const { registryWithToy } = await import('../../engine/testing/fixtures/toyOp');
  return registryWithToy(await importOriginal());
});

/** x = arange(-2, 2.1, 0.25) (requires grad) → toy_cube → sum, from the composite-function example. */
function cubeDoc(): GraphFile {
  const file = example('composite-function');
  const x = file.nodes.find((n) => n.id === 'x') as GraphFile['nodes'][number];
  return {
    ...file,
    nodes: [x, { id: 'cube', op: 'toy_cube', position: { x: 200, y: 0 } }, { id: 'z', op: 'sum', position: { x: 400, y: 0 } }],
    edges: [
      { source: 'x', target: 'cube', targetPort: 'x' },
      { source: 'cube', target: 'z', targetPort: 'x' },
    ],
    loss: 'z',
  };
}

describe('a toy op registered with one line', () => {
  it('OPS ends with toy_cube, the op defined in its one file', () => {
    expect(OPS[OPS.length - 1]).toBe(toyCube);
  });

  it('paletteItems() → toy_cube under arithmetic, and filterPalette("x³") finds it', () => {
    expect(paletteItems()).toContainEqual({ op: 'toy_cube', group: 'arithmetic', formula: 'y = x³' });
    const sections = filterPalette(paletteItems(), 'x³');
    expect(sections.map((s) => [s.group, s.items.map((i) => i.op)])).toEqual([['arithmetic', ['toy_cube']]]);
  });

  it("explain() at toy_cube's forward and at x's gradient → the toy's own rule with the engine's numbers", () => {
    const doc = cubeDoc();
    const s = new Session({ doc });
    s.stepTrainingStep();
    const { events, error } = s.state.stepper;
    expect(error).toBeNull();
    const at = (cursor: number) => explain({ events, cursor, doc, lr: 0.01, optimizer: doc.training.optimizer });

    const forward = at(events.findIndex((e) => e.type === 'forward' && e.node === 'cube'));
    expect(forward[0].rule).toBe('y = x³');
    expect(forward[0].numbers).toBe('cube[0] = x[0]³ = (−2)³ = −8');

    const back = at(events.findIndex((e) => e.type === 'backward' && e.node === 'x'));
    expect(back[0].words.vars).toMatchObject({ target: 'cube', op: 'toy_cube', port: 'x' });
    expect(back[0].rule).toBe('∂(x³)/∂x = 3x²;  grad_in = 3·x²·grad_out');
    expect(back[0].numbers).toBe('x.grad[0] = 3·x[0]²·cube.grad[0] = 3·(−2)²·1 = 12');
  });

  it('exportPytorch(graph with toy_cube) → the toy\'s torch expression, and PyTorch prints the engine\'s loss', async () => {
    const graph: Graph = {
      nodes: [
        { id: 'x', op: 'parameter', shape: [3], params: { value: { shape: [3], data: Float64Array.of(-1.5, 0.5, 2) } } },
        { id: 'cube', op: 'toy_cube' },
        { id: 'z', op: 'sum' },
      ],
      edges: [
        { source: 'x', target: 'cube', targetPort: 'x' },
        { source: 'cube', target: 'z', targetPort: 'x' },
      ],
      loss: 'z',
    };
    const { code } = exportPytorch(graph, { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 1, batchSize: null, seed: 0 });
    expect(code).toContain('cube = torch.pow(self.x, 3)  # node "cube" (toy_cube)');

    assertTorch();
    const path = join(mkdtempSync(join(tmpdir(), 'gradcanvas-toy-')), 'toy.py');
    writeFileSync(path, code);
    const [run] = await runPythonScripts([path]);
    expect(run.status, run.stderr).toBe(0);
    const { program } = compile(graph);
    program?.forward();
    // (-1.5)³ + 0.5³ + 2³ = 4.75
    expect(program?.value('z').data[0]).toBe(4.75);
    const [header, first] = run.stdout.split('\n');
    expect(header).toBe('epoch,loss');
    expect(close(Number(first.split(',')[1]), 4.75)).toBe(true);
  });

  it('randomGraphs(seed, 2 × ops) → graphs with toy_cube, which compile and agree with PyTorch to 1e-9', () => {
    const graphs = randomGraphs(20240601, 2 * OPS.length).filter((g) => g.graph.nodes.some((n) => n.op === 'toy_cube'));
    // Graph #i starts with OPS[i % OPS.length], so the toy (last) starts at least two of them.
    expect(graphs.length).toBeGreaterThanOrEqual(2);
    assertTorch();
    const runs = graphs.map(({ name, graph }) => {
      const { program, problems } = compile(graph);
      expect(problems, name).toEqual([]);
      if (!program) throw new Error(`${name} does not compile`);
      program.forward();
      program.backward();
      return { name, program, spec: graphSpec(name, graph, program) };
    });
    const torch = runTorch({ graphs: runs.map((r) => r.spec), trainings: [] }, runPython);
    const tally = new Tally();
    runs.forEach((r, i) => compareGraph(tally, r.name, r.program, torch.graphs[i]));
    expect(tally.mismatches).toEqual([]);
    expect(tally.graphs).toBe(graphs.length);
  });
});
