import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { fileToGraph } from '../format/convert';
import { loadGraphFile } from '../format/load';
import type { Graph } from '../graph/types';
import { assertTorch, runPythonScripts } from '../testing/debianPython';
import { exportCourseScript } from './courseScript';

const examplesDir = new URL('../../public/examples/', import.meta.url);
function example(name: string): Graph {
  const r = loadGraphFile(readFileSync(new URL(`${name}.json`, examplesDir), 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return fileToGraph(r.file);
}

describe('exportCourseScript', () => {
  beforeAll(() => assertTorch());

  it('writes the composite function as the course does', () => {
    const code = exportCourseScript(example('composite-function'), 'Composite function')?.code ?? '';
    const lines = code.split('\n').map((l) => l.replace(/ {2}#.*$/, ''));
    expect(lines).toContain('x = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)');
    expect(lines).toContain('square = x**2');
    expect(lines).toContain('z = y.sum()');
    expect(lines).toContain('z.backward()');
    expect(lines).toContain('print(x.grad)');
    expect(code).not.toContain('class Net');
    expect(code).not.toContain('optimizer');
  });

  it("prints x.grad = 4x in PyTorch, exactly the engine's x.grad", async () => {
    const graph = example('composite-function');
    const { program } = compile(graph);
    program!.forward();
    program!.backward();
    const grad = Array.from(program!.grad('x')!.data);
    expect(grad).toEqual(Array.from({ length: 17 }, (_, i) => 4 * (-2 + 0.25 * i)));

    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-course-'));
    const script = join(dir, 'course.py');
    // The script as shown, then the same gradient at full precision.
    writeFileSync(script, `${exportCourseScript(graph)!.code}print(x.grad.tolist())\n`);
    const [run] = await runPythonScripts([script]);
    expect(run.stderr).toBe('');
    const [printed, exact] = run.stdout.trim().split('\n').filter((l) => l.trim() !== '').reduce<string[]>((acc, l) => (l.startsWith('[') ? [acc.join(' '), l] : [...acc, l]), []);
    expect(printed).toMatch(/^tensor\(\[/);
    expect(printed.match(/-?\d+\.?\d*/g)!.map(Number)).toEqual(grad);
    expect(JSON.parse(exact)).toEqual(grad);
  });

  it('leaves training graphs to the training script', () => {
    expect(exportCourseScript(example('linear-regression-module'))).toBeNull();
  });
});
