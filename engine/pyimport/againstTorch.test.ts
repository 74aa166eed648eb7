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

/** Scripts as a learner writes them; each ends with a backward() and leaves some tensors with a gradient. */
const SCRIPTS: Record<string, string> = {
  'composite function, float32 (PyTorch default)': 'import torch\nx = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)\ny = 2 * x**2 + 2\nz = y.sum()\nz.backward()\nprint(x.grad)\n',
  'composite function from np.arange, float64': 'import torch\nimport numpy as np\nx = torch.tensor(np.arange(-2, 2.1, 0.25), requires_grad=True)\ny = 2 * x**2 + 2\nz = y.sum()\nz.backward()\n',
  'every op, float64':
    'import torch\ntorch.set_default_dtype(torch.float64)\nx = torch.tensor([0.3, -1.2, 2.5], requires_grad=True)\nw = torch.tensor([[1.5], [0.5]], requires_grad=True)\n' +
    'a = torch.sigmoid(x) * w + torch.tanh(x) / 3 - 0.5\nb = torch.exp(-x) + torch.relu(x)**3 - 1 / (x * x + 1)\nc = torch.log(b * b + 1) ** 0.5 + 2 - a\nz = c.mean() + a.sum() / 4\nz.backward()\n',
  'every op, float32':
    'import torch\nx = torch.tensor([0.3, -1.2, 2.5], requires_grad=True)\nw = torch.tensor([[1.5], [0.5]], requires_grad=True)\n' +
    'a = torch.sigmoid(x) * w + torch.tanh(x) / 3 - 0.5\nb = torch.exp(-x) + torch.relu(x)**3 - 1 / (x * x + 1)\nc = torch.log(b * b + 1) + 2 - a\nz = c.mean() + a.sum() / 4\nz.backward()\n',
  'F functions, losses and class labels, float64':
    'import torch\nimport torch.nn.functional as F\ntorch.manual_seed(3)\nX = torch.randn(5, 3, dtype=torch.float64, requires_grad=True)\n' +
    'W = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)\nlabels = torch.tensor([0, 3, 1, 1, 2])\n' +
    'h = torch.matmul(X, W) + torch.ones(4, dtype=torch.float64)\nlogits = F.relu(h) - F.tanh(h) @ torch.zeros(4, 4, dtype=torch.float64) + X.sum(dim=1, keepdim=True)\n' +
    'ce = F.cross_entropy(logits, labels)\np = F.softmax(logits, dim=1)\nq = torch.softmax(logits, -1).max(dim=1).values\n' +
    't = torch.tensor([0.0, 1.0, 1.0, 0.0, 1.0], dtype=torch.float64)\nb1 = F.binary_cross_entropy(F.sigmoid(q), t, reduction="sum")\n' +
    'b2 = F.binary_cross_entropy_with_logits(q, t)\nm = F.mse_loss(p.mean(dim=0), torch.ones(4, dtype=torch.float64) / 4)\n' +
    'acc = (logits.argmax(dim=1) == labels).double().mean()\nbig = (q > 0.3).double().sum()\n' +
    'loss = ce + b1 + b2 + m + torch.max(logits) * acc + big\nloss.backward()\nprint(loss.item())\n',
  'float32 randn, data reshaped as a column, F.* and cross-entropy with .long() labels':
    'import torch\nimport numpy as np\nimport torch.nn.functional as F\ntorch.manual_seed(0)\n' +
    'x = torch.tensor(np.arange(-1, 1.1, 0.5)).float().view(-1, 1)\nw = torch.randn(1, 3, requires_grad=True)\n' +
    'b = torch.zeros(3, requires_grad=True)\ny = torch.tensor([2.0, 0.0, 1.0, 1.0, 2.0])\n' +
    'out = x @ w + b\nloss = F.cross_entropy(out, y.long(), reduction="mean") + F.sigmoid(out).mean()\nloss.backward()\nprint(f"{loss.item():.4f}")\n',
  'reshapes of computed tensors and of a leaf that requires grad: view, reshape, torch.reshape, -1 and a scalar, float32':
    'import torch\ntorch.manual_seed(5)\nw = torch.randn(2, 3, requires_grad=True)\nv = w.view(3, 2)\nh = torch.tanh(w).reshape(-1, 1)\n' +
    'p = torch.reshape(h * 2, (1, 6)) @ torch.randn(6, 2)\nq = (p * v.sum()).view(-1)\ns = q.sum().reshape(1, 1) + torch.exp(v).mean()\nloss = s.reshape(())\nloss.backward()\n',
  'float32 data from torch.randn(20, 1), a line fitted by hand':
    'import torch\ntorch.manual_seed(7)\nX = torch.randn(20, 1)\nnoise = torch.randn(20, 1)\ny = 3 * X + 2 + 0.1 * noise\n' +
    'w = torch.rand(1, 1, requires_grad=True)\nb = torch.zeros(1, requires_grad=True)\nloss = ((X @ w + b - y)**2).mean()\nloss.backward()\n',
};

/** F.linear: w and b become the linear node's parameters; their gradients are the node's (`node.param` → the script's name). */
const LINEAR = {
  code:
    'import torch\nimport torch.nn.functional as F\ntorch.set_default_dtype(torch.float64)\ntorch.manual_seed(1)\n' +
    'x = torch.randn(6, 3, requires_grad=True)\nw = torch.randn(2, 3, requires_grad=True)\nb = torch.randn(2, requires_grad=True)\n' +
    'y = F.linear(x, w, b)\nt = torch.tensor([0, 1, 1, 0, 1, 0])\nloss = F.cross_entropy(y, t)\nloss.backward()\n',
  params: { 'y.weight': 'w', 'y.bias': 'b' } as Record<string, string>,
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
    const all: [string, string, Record<string, string>][] = [...Object.entries(SCRIPTS).map(([name, code]): [string, string, Record<string, string>] => [name, code, {}]), ['F.linear', LINEAR.code, LINEAR.params]];
    const cases = all.map(([name, code, params], i) => {
      const r = importPython(code);
      expect(r.error, name).toBeNull();
      const graph = fileToGraph(r.file);
      const { program } = compile(graph);
      program!.forward();
      program!.backward();
      const leaves = r.file.nodes.filter((n) => n.requiresGrad).map((n) => n.id);
      const loss = r.file.loss as string;
      // An op's own parameters (F.linear's), by the names the script gave them.
      const paramGrads = Object.keys(params).map((k) => Array.from(program!.params.find((p) => `${p.node}.${p.name}` === k)!.grad));
      const named = [...leaves, ...Object.values(params)];
      const ours = { loss: Array.from(program!.value(loss).data), grads: [...leaves.map((id) => Array.from(program!.grad(id)!.data)), ...paramGrads], dtype: r.file.dtype };
      const path = join(dir, `case${i}.py`);
      // The script unchanged, then the numbers at full precision.
      // The scripts share one Python process: each starts from PyTorch's own default dtype.
      writeFileSync(path, `import torch\ntorch.set_default_dtype(torch.float32)\n${code}\nimport json\nprint("@@" + json.dumps({"loss": ${loss}.reshape(-1).tolist(), "grads": [t.grad.reshape(-1).tolist() for t in [${named.join(', ')}]]}))\n`);
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

  it("torch.randn and torch.rand after torch.manual_seed hold PyTorch's numbers: float32 exactly (below 16 and in AVX2 blocks of 16), float64 to two units in the last place", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-randn-'));
    const cases: { seed: number; dtype: 'float32' | 'float64'; n: number; fn?: 'rand' }[] = [];
    for (const seed of [0, 1, 42, 123456789]) {
      for (let n = 1; n < 40; n++) cases.push({ seed, dtype: 'float64', n });
      for (let n = 1; n < 40; n++) cases.push({ seed, dtype: 'float32', n });
      cases.push({ seed, dtype: 'float64', n: 1000 }, { seed, dtype: 'float32', n: 1000 }, { seed, dtype: 'float32', n: 4099 });
      cases.push({ seed, dtype: 'float32', n: 50, fn: 'rand' }, { seed, dtype: 'float64', n: 50, fn: 'rand' });
    }
    const path = join(dir, 'randn.py');
    // Two calls after each seed: the second continues the stream (and the cached second normal sample).
    const lines = cases.map((c) => `torch.manual_seed(${c.seed}); a = torch.${c.fn ?? 'randn'}(${c.n}, dtype=torch.${c.dtype}); b = torch.randn(3, dtype=torch.${c.dtype}); out.append(a.tolist() + b.tolist())`);
    writeFileSync(path, `import torch, json\nout = []\n${lines.join('\n')}\nprint("@@" + json.dumps(out))\n`);
    const [run] = await runPythonScripts([path]);
    expect(run.stderr).toBe('');
    const torch = JSON.parse(run.stdout.split('\n').find((l) => l.startsWith('@@'))!.slice(2)) as number[][];
    let differ = 0;
    cases.forEach((c, i) => {
      const code = `import torch\ntorch.manual_seed(${c.seed})\na = torch.${c.fn ?? 'randn'}(${c.n}, dtype=torch.${c.dtype})\nb = torch.randn(3, dtype=torch.${c.dtype})\n`;
      const r = importPython(code);
      expect(r.error, code).toBeNull();
      const ours = r.file.nodes.flatMap((n) => (n.value?.type === 'tensor' ? n.value.data : []));
      ours.forEach((v, k) => {
        const want = torch[i][k];
        if (c.dtype === 'float32') expect(v, `${code} [${k}]`).toBe(want);
        else {
          // glibc's log, sin and cos and the JavaScript engine's can differ in the last bit.
          expect(Math.abs(v - want), `${code} [${k}]`).toBeLessThanOrEqual(2 * Number.EPSILON * Math.abs(want));
          if (v !== want) differ++;
        }
      });
    });
    // Most float64 numbers are exact too; the few that are not differ in the last bits only.
    expect(differ).toBeLessThan(cases.reduce((s, c) => s + c.n + 3, 0) / 10);
  }, 120_000);
});
