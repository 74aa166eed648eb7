import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportCourseScript } from '../codegen/courseScript';
import { compile } from '../exec/compile';
import { fileToGraph } from '../format/convert';
import { loadGraphFile } from '../format/load';
import { assertTorch, runPythonScripts } from '../testing/debianPython';
import { importPython } from './index';

/** Scripts as a learner writes them; each ends with z.backward() and leaves x (and maybe w) with a gradient. */
const SCRIPTS: Record<string, string> = {
  'composite function, float32 (PyTorch default)': 'import torch\nx = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)\ny = 2 * x**2 + 2\nz = y.sum()\nz.backward()\nprint(x.grad)\n',
  'composite function from np.arange, float64': 'import torch\nimport numpy as np\nx = torch.tensor(np.arange(-2, 2.1, 0.25), requires_grad=True)\ny = 2 * x**2 + 2\nz = y.sum()\nz.backward()\n',
  'every op, float64':
    'import torch\ntorch.set_default_dtype(torch.float64)\nx = torch.tensor([0.3, -1.2, 2.5], requires_grad=True)\nw = torch.tensor([[1.5], [0.5]], requires_grad=True)\n' +
    'a = torch.sigmoid(x) * w + torch.tanh(x) / 3 - 0.5\nb = torch.exp(-x) + torch.relu(x)**3 - 1 / (x * x + 1)\nc = torch.log(b * b + 1) ** 0.5 + 2 - a\nz = c.mean() + a.sum() / 4\nz.backward()\n',
  'every op, float32':
    'import torch\nx = torch.tensor([0.3, -1.2, 2.5], requires_grad=True)\nw = torch.tensor([[1.5], [0.5]], requires_grad=True)\n' +
    'a = torch.sigmoid(x) * w + torch.tanh(x) / 3 - 0.5\nb = torch.exp(-x) + torch.relu(x)**3 - 1 / (x * x + 1)\nc = torch.log(b * b + 1) + 2 - a\nz = c.mean() + a.sum() / 4\nz.backward()\n',
};

const examplesDir = new URL('../../public/examples/', import.meta.url);

describe('importPython against PyTorch 1.13', () => {
  beforeAll(() => assertTorch());

  it('the imported graph computes what PyTorch computes running the same script: the loss and every leaf gradient', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-pyimport-'));
    // The course's examples without parameters, as their course-style script.
    for (const name of ['composite-function', 'sigmoid-function']) {
      const r = loadGraphFile(readFileSync(new URL(`${name}.json`, examplesDir), 'utf8'));
      if (!r.ok) throw new Error(`${name} does not load`);
      SCRIPTS[`example ${name}`] = exportCourseScript(fileToGraph(r.file))!.code;
    }
    const cases = Object.entries(SCRIPTS).map(([name, code], i) => {
      const r = importPython(code);
      expect(r.error, name).toBeNull();
      const graph = fileToGraph(r.file);
      const { program } = compile(graph);
      program!.forward();
      program!.backward();
      const leaves = r.file.nodes.filter((n) => n.requiresGrad).map((n) => n.id);
      const loss = r.file.loss as string;
      const ours = { loss: Array.from(program!.value(loss).data), grads: leaves.map((id) => Array.from(program!.grad(id)!.data)), dtype: r.file.dtype };
      const path = join(dir, `case${i}.py`);
      // The script unchanged, then the numbers at full precision.
      writeFileSync(path, `${code}\nimport json\nprint("@@" + json.dumps({"loss": ${loss}.reshape(-1).tolist(), "grads": [t.grad.reshape(-1).tolist() for t in [${leaves.join(', ')}]]}))\n`);
      return { name, path, ours };
    });
    const runs = await runPythonScripts(cases.map((c) => c.path));
    cases.forEach((c, i) => {
      expect(runs[i].stderr, c.name).toBe('');
      const line = runs[i].stdout.split('\n').find((l) => l.startsWith('@@')) as string;
      const torch = JSON.parse(line.slice(2)) as { loss: number[]; grads: number[][] };
      // float64 to 1e-12; float32 to one unit in the last place of a float32 (PyTorch's own libm and SIMD order may differ there).
      const tol = c.ours.dtype === 'float32' ? 1.2e-7 : 1e-12;
      const close = (a: number[], b: number[]) => a.every((v, k) => Math.abs(v - b[k]) <= tol * Math.max(1, Math.abs(b[k])));
      expect(close(c.ours.loss, torch.loss), `${c.name}: loss ${c.ours.loss} vs ${torch.loss}`).toBe(true);
      expect(c.ours.grads.length, c.name).toBe(torch.grads.length);
      c.ours.grads.forEach((g, k) => expect(close(g, torch.grads[k]), `${c.name}: grad ${k} ${g} vs ${torch.grads[k]}`).toBe(true));
    });
  }, 120_000);
});
