import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/cliProcess';
import { compile } from '../exec/compile';
import { fileToGraph } from '../format/convert';
import { openGraphText } from '../format/open';
import { lineMismatch } from '../codegen/logLines';
import { assertTorch, PYTHON } from '../testing/debianPython';

const tmp = mkdtempSync(join(tmpdir(), 'gradcanvas-import-'));

/** Runs the real command, `npm run cli -- …` without npm's banner. */
const cli = runCli;

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

  it('a course training script: import-pytorch then train prints the log the script prints in PyTorch (1e-9)', () => {
    assertTorch();
    const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-import-train-'));
    writeFileSync(join(dir, 'people.csv'), 'height,weight\n166,58.7\n176,75.7\n171,62.1\n173,70.4\n169,60.1\n');
    const path = join(dir, 'train.py');
    writeFileSync(path, TRAINING);
    const out = join(dir, 'graph.json');
    const imported = cli('import-pytorch', path, '-o', out);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    const trained = cli('train', out);
    expect(trained.status, trained.stderr).toBe(0);
    // The log: the header and the epoch lines; the final parameter lines are the CLI's own.
    const cliLog = trained.stdout.trimEnd().split('\n').filter((l) => !/ \[/.test(l));
    const torch = spawnSync(PYTHON, [path], { cwd: dir, encoding: 'utf8' });
    expect(torch.status, torch.stderr).toBe(0);
    const torchLog = torch.stdout.trimEnd().split('\n');
    expect(torchLog.length).toBe(cliLog.length);
    expect(cliLog[0]).toBe('epoch,loss');
    torchLog.forEach((l, i) => expect(lineMismatch(l, cliLog[i]), `line ${i + 1}`).toBeNull());
  }, 60_000);

  it('a CSV file that is not next to the script: exit 1 at the file name, no output', () => {
    const out = join(tmp, 'nocsv.json');
    const r = cli('import-pytorch', script('nocsv.py', 'import numpy as np\ndata = np.loadtxt("missing.csv", delimiter=",", skiprows=1)\n'), '-o', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nocsv\.py:2:\d+: missing\.csv cannot be read: ENOENT/);
    expect(existsSync(out)).toBe(false);
  });
});

/** A training script as the course writes it: data from a CSV file, a Net with nn.Linear, MSELoss, SGD with momentum, the loop. */
const TRAINING = `import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

data = np.loadtxt("people.csv", delimiter=",", skiprows=1)
x = torch.tensor(data[:, 0]).float()
y = torch.tensor(data[:, 1]).float()
X = x - x.mean()
Y = y - y.mean()
inputs = torch.tensor(data[:, [0]]).float()
labels = torch.tensor(data[:, 1]).float().view(-1, 1)


class Net(nn.Module):
    def __init__(self, n_input, n_output):
        super().__init__()
        self.l1 = nn.Linear(n_input, n_output)
        nn.init.constant_(self.l1.weight, 0.5)
        nn.init.constant_(self.l1.bias, 40.0)

    def forward(self, x):
        x1 = self.l1(x)
        return x1


n_input = 1
n_output = 1
net = Net(n_input, n_output)
criterion = nn.MSELoss()
optimizer = optim.SGD(net.parameters(), lr=0.00001, momentum=0.9)
num_epochs = 50

print("epoch,loss")
for epoch in range(num_epochs):
    optimizer.zero_grad()
    outputs = net(inputs)
    loss = criterion(outputs, labels)
    loss.backward()
    optimizer.step()
    if epoch % 10 == 0 or epoch == num_epochs - 1:
        print(f"{epoch},{loss.item()}")
`;
