import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/cliProcess';
import { logMismatch } from '../codegen/logLines';
import { graphToFile } from '../format/convert';
import { serializeGraphFile } from '../format/save';
import type { Graph } from '../graph/types';
import { assertTorch, PYTHON } from '../testing/debianPython';

const tmp = mkdtempSync(join(tmpdir(), 'gradcanvas-terminal-'));

/** Runs the real command, `npm run cli -- …` without npm's banner. */
const cli = runCli;

/** What the CLI must never write raw: controls (ESC, line breaks), separators, bidi controls, lone surrogates (U+FFFD once decoded). */
const RAW = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}\uFFFD]/u;
/** The lines of an output with their own line ends taken off, to search for raw characters. */
const body = (text: string) => text.replace(/\n/g, '');

/** A linear node whose id fakes a log line and clears the screen. */
const LIN = 'lin\n0,999\x1b[2J';
/** A parameter whose id holds a line separator, a bidi override, a lone surrogate and Japanese. */
const BIAS = '重み\u2028\u202E\uD800';

/** `data x → linear → add(parameter) → mse ← data y` with the hostile ids, as a graph file. */
function hostileFile(epochs: number): string {
  const t = (shape: number[], v: number[]) => ({ shape, data: Float64Array.from(v) });
  const graph: Graph = {
    nodes: [
      { id: 'x', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['x'] } },
      { id: 'y', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['y'] } },
      { id: LIN, op: 'linear', attrs: { inFeatures: 1, outFeatures: 1 }, params: { weight: t([1, 1], [0.5]), bias: t([1], [-0.25]) } },
      { id: BIAS, op: 'parameter', shape: [1], params: { value: t([1], [0.1]) } },
      { id: 'sum\x1b]0;pwned\x07', op: 'add' },
      { id: 'loss\r', op: 'mse' },
    ],
    edges: [
      { source: 'x', target: LIN, targetPort: 'x' },
      { source: LIN, target: 'sum\x1b]0;pwned\x07', targetPort: 'a' },
      { source: BIAS, target: 'sum\x1b]0;pwned\x07', targetPort: 'b' },
      { source: 'sum\x1b]0;pwned\x07', target: 'loss\r', targetPort: 'input' },
      { source: 'y', target: 'loss\r', targetPort: 'target' },
    ],
    loss: 'loss\r',
    datasets: { d: { columns: ['x', 'y'], rows: [[1, 2], [2, 4.1], [3, 5.9], [4, 8.2]] } },
  };
  const path = join(tmp, `hostile-${epochs}.json`);
  writeFileSync(path, serializeGraphFile(graphToFile(graph, { optimizer: { type: 'sgd', lr: 0.01, momentum: 0.5 }, epochs, batchSize: null, seed: 0 })));
  return path;
}

describe('npm run cli with hostile names', () => {
  beforeAll(() => assertTorch());

  it('train with node ids holding \\n, ESC, U+2028 and a lone surrogate → one escaped line per parameter, and the exported script prints the same stdout', () => {
    const path = hostileFile(5);
    const r = cli('train', path);
    expect(r.status, r.stderr).toBe(0);
    expect(body(r.stdout)).not.toMatch(RAW);
    expect(r.lines).toHaveLength(1 + 5 + 3);
    // The engine's order: the parameter node comes before the linear node in topological order.
    expect(r.lines[6]).toMatch(/^重み\\u2028\\u202e\\ud800\.value \[1\] \S+$/);
    expect(r.lines[7]).toMatch(/^lin\\n0,999\\u001b\[2J\.weight \[1, 1\] \S+$/);
    expect(r.lines[8]).toMatch(/^lin\\n0,999\\u001b\[2J\.bias \[1\] \S+$/);
    const script = join(tmp, 'hostile.py');
    expect(cli('export-pytorch', path, '-o', script).status).toBe(0);
    const py = spawnSync(PYTHON, [script], { encoding: 'utf8' });
    expect(py.status, py.stderr).toBe(0);
    expect(logMismatch(py.stdout, r.lines)).toBeNull();
    // The names are the same text, byte for byte.
    const names = (out: string[]) => out.slice(6).map((l) => l.split(' [')[0]);
    expect(names(py.stdout.trimEnd().split('\n'))).toEqual(names(r.lines));
  }, 60_000);

  it('eval, grad and check with those ids → every name escaped, nothing raw on stdout', () => {
    const path = hostileFile(1);
    const e = cli('eval', path);
    expect(e.status, e.stderr).toBe(0);
    expect(body(e.stdout)).not.toMatch(RAW);
    expect(e.lines).toHaveLength(6);
    expect(e.lines).toContain('sum\\u001b]0;pwned\\u0007 [4, 1] 0.35 0.85 1.35 1.85');
    const g = cli('grad', path);
    expect(g.status, g.stderr).toBe(0);
    expect(body(g.stdout)).not.toMatch(RAW);
    expect(g.lines.map((l) => l.split(' [')[0])).toEqual(['重み\\u2028\\u202e\\ud800.value.grad', 'lin\\n0,999\\u001b[2J.weight.grad', 'lin\\n0,999\\u001b[2J.bias.grad']);
    const c = cli('check', path);
    expect(c.stdout).toBe('ok: 6 nodes, 5 edges, loss loss\\r\n');
  });

  it('a file error quoting a hostile id (an edge from a missing node) → each error on its own escaped line', () => {
    const path = join(tmp, 'ghost.json');
    const file = JSON.parse(serializeGraphFile(graphToFile({ nodes: [{ id: 'a', op: 'neg' }], edges: [] }, { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 1, batchSize: null, seed: 0 })));
    file.edges = [{ source: 'ghost\n  edges[1]: fake\x1b[2J', target: 'a', targetPort: 'x' }];
    writeFileSync(path, JSON.stringify(file));
    const r = cli('check', path);
    expect(r.status).toBe(1);
    expect(body(r.stderr)).not.toMatch(RAW);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${path} is not a valid graph:`);
    expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    expect(r.stderr).toContain('ghost\\n  edges[1]: fake\\u001b[2J');
  });

  it('a diverging run whose parameter id holds ESC and a newline → the message is one escaped line on stderr', () => {
    const graph: Graph = {
      nodes: [
        { id: 'w\n\x1b[2J', op: 'parameter', shape: [1], params: { value: { shape: [1], data: Float64Array.of(0) } } },
        { id: 'r', op: 'pow', attrs: { p: 0.5 } },
        { id: 's', op: 'sum' },
      ],
      edges: [
        { source: 'w\n\x1b[2J', target: 'r', targetPort: 'x' },
        { source: 'r', target: 's', targetPort: 'x' },
      ],
      loss: 's',
    };
    const path = join(tmp, 'sqrt.json');
    writeFileSync(path, serializeGraphFile(graphToFile(graph, { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 3, batchSize: null, seed: 0 })));
    const r = cli('train', path);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual(['epoch,loss', '0,0', 'w\\n\\u001b[2J.value [1] 0']);
    expect(r.stderr).toBe('Training stopped at epoch 0: the gradient of w\\n\\u001b[2J became inf. The parameters are back to their values before this run. Try a smaller learning rate (now 0.1).\n');
  });

  it('usage errors and unreadable paths quoting ESC or a newline → escaped on stderr', () => {
    const lr = cli('train', hostileFile(1), '--lr', '\x1b[31m');
    expect(lr.status).toBe(2);
    expect(lr.stderr).toContain("--lr must be a positive number, got '\\u001b[31m'");
    expect(body(lr.stderr)).not.toMatch(RAW);
    const missing = cli('check', join(tmp, 'no\nsuch\x1b[2J.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('no\\nsuch\\u001b[2J.json');
    const command = cli('frob\x1b[2J', hostileFile(1));
    expect(command.status).toBe(2);
    expect(command.stderr).toContain("unknown command 'frob\\u001b[2J'");
    expect(body(command.stderr)).not.toMatch(RAW);
  });
});
