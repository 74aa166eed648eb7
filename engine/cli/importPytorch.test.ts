import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { fileToGraph } from '../format/convert';
import { openGraphText } from '../format/open';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'gradcanvas-import-'));

/** Runs the real command, `npm run cli -- …` without npm's banner. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'engine/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function script(name: string, code: string): string {
  const path = join(tmp, name);
  writeFileSync(path, code);
  return path;
}

const COURSE = 'import torch\nx = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)\ny = 2 * x**2 + 2\nz = y.sum()\nz.backward()\nprint(x.grad)\n';

describe('import-pytorch', () => {
  it('model.py -o graph.json writes a graph that opens and gives x.grad = 4x', () => {
    const out = join(tmp, 'course.json');
    const r = cli('import-pytorch', script('course.py', COURSE), '-o', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const opened = openGraphText(readFileSync(out, 'utf8'));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.file.nodes.map((n) => n.id)).toEqual(['x', 'square', 'scale', 'y', 'z']);
    const { program } = compile(fileToGraph(opened.file));
    program!.forward();
    program!.backward();
    expect(Array.from(program!.grad('x')!.data)).toEqual(Array.from({ length: 17 }, (_, i) => 4 * (-2 + 0.25 * i)));
  });

  it('prints the graph without -o, and the graph file then runs through grad', () => {
    const r = cli('import-pytorch', script('print.py', COURSE));
    expect(r.status).toBe(0);
    const path = join(tmp, 'printed.json');
    writeFileSync(path, r.stdout);
    const g = cli('grad', path);
    expect(g.status).toBe(0);
    expect(g.stdout).toContain('x');
  });

  it('unsupported code: exit 1, file:line:col and what is supported, no output file', () => {
    const out = join(tmp, 'never.json');
    const r = cli('import-pytorch', script('bad.py', 'import torch\nx = torch.tensor([1.0])\ny = torch.full((3,), 1.0)\n'), '-o', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.py:3:5: torch\.full\(\.\.\.\) is not supported\. Supported: torch\.tensor/);
    expect(existsSync(out)).toBe(false);
  });

  it('a syntax error: exit 1 at its line and column', () => {
    const r = cli('import-pytorch', script('typo.py', 'import torch\nx = torch.tensor([1.0]\n'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/typo\.py:\d+:\d+: Python cannot read this/);
    expect(r.stdout).toBe('');
  });
});
