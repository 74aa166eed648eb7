import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCourseTrainingScript } from '../codegen/courseTraining';
import { fileToGraph } from '../format/convert';
import { loadGraphFile } from '../format/load';
import type { GraphFile } from '../format/schema';
import { importPython } from './index';

const T = 'import torch\n';
const DEVICE = 'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")\n';

/** The document's nodes as `id:op{attrs}`, after the script imported without error. */
function nodes(code: string): string[] {
  const r = importPython(code);
  expect(r.error, code).toBeNull();
  return r.file.nodes.map((n) => `${n.id}:${n.op}${n.attrs && Object.keys(n.attrs).length > 0 ? JSON.stringify(n.attrs) : ''}${n.requiresGrad ? ' grad' : ''}`);
}

/** The reason, line and column of a refused script, and its message. */
function refusal(code: string, datasets?: GraphFile['datasets']): [string, number, number, string] {
  const r = importPython(code, { datasets });
  expect(r.error, code).not.toBeNull();
  return [r.error!.reason, r.error!.line, r.error!.col, r.error!.message];
}

function example(name: string): GraphFile {
  const r = loadGraphFile(readFileSync(new URL(`../../public/examples/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.file;
}

/** A document without its layout, to compare what two scripts built. */
function content(file: GraphFile): unknown {
  return { ...file, nodes: file.nodes.map(({ position: _p, ...n }) => n) };
}

describe('the device: GradCanvas computes on the CPU, and .to(device) changes nothing in the graph', () => {
  it('takes device = torch.device(...) as the course writes it, "cpu" and "cuda", and .to(device), .to("cpu"), .cpu(), device=device as the tensor itself', () => {
    for (const made of ['torch.device("cuda" if torch.cuda.is_available() else "cpu")', "torch.device('cuda'if torch.cuda.is_available()else'cpu')", 'torch.device("cpu")', 'torch.device("cuda")']) {
      expect(nodes(`${T}device = ${made}\nx = torch.tensor([1.0, 2.0]).to(device)\n`), made).toEqual(['x:input']);
    }
    expect(
      nodes(`${T}${DEVICE}x = torch.tensor([1.0, 2.0]).to(device)\ny = x.to("cpu")\nz = (x * 2.0).cpu()\nw = torch.tensor(0.5, requires_grad=True, device=device)\nv = torch.zeros(2, device="cpu").to(device=device)\nu = (z * w + v).sum().to(torch.device("cpu"))\nu.backward()\n`),
    ).toEqual(['x:input', 'z:mul{"c":2}', 'w:input grad', 'v:input', 'mul:mul', 'add:add', 'u:sum']);
  });

  it('.to(device) keeps a tensor\'s type, and takes a number type as before', () => {
    const r = importPython(`${T}${DEVICE}labels = torch.tensor([0, 2, 1]).to(device)\nx = torch.tensor([1.0, 2.0]).to(device, )\ny = x.to(torch.float32)\n`);
    expect(r.error).toBeNull();
    expect(r.file.nodes.map((n) => [n.id, n.value?.type === 'tensor' ? n.value.data : null])).toEqual([
      ['labels', [0, 2, 1]],
      ['x', [1, 2]],
    ]);
  });

  it('the course-style training script, with its device lines, imports to the graph the same script without them imports to', () => {
    for (const name of ['linear-regression-by-hand', 'linear-regression-module', 'binary-classification', 'multiclass-classification']) {
      const file = example(name);
      const code = exportCourseTrainingScript(fileToGraph(file), file.training)?.code ?? '';
      expect(code, name).toContain(DEVICE);
      const onCpu = code
        .replace(/# The device: .*\n/, '')
        .replace(DEVICE, '')
        .replace(/\.to\(device\)/g, '')
        .replace(/, device=device\)/g, ')');
      expect(onCpu, name).not.toContain('device');
      const a = importPython(code, { datasets: file.datasets });
      const b = importPython(onCpu, { datasets: file.datasets });
      expect(a.error, name).toBeNull();
      expect(b.error, name).toBeNull();
      expect(content(a.file), name).toEqual(content(b.file));
    }
  });

  it('a model moves with net.to(device), net = net.cpu() or Net().to(device), and trains the same', () => {
    const file = example('linear-regression-module');
    const code = exportCourseTrainingScript(fileToGraph(file), file.training)?.code ?? '';
    const plain = importPython(code, { datasets: file.datasets });
    const moved = importPython(code.replace('net = Net().to(device)', 'net = Net()\nnet.to(device)\nnet = net.cpu()'), { datasets: file.datasets });
    expect(moved.error).toBeNull();
    expect(content(moved.file)).toEqual(content(plain.file));
  });

  it('data read from a CSV file moves too: .float().to(device), .to(torch.float32), torch.tensor(data, device=device)', () => {
    const people = { columns: ['height', 'weight'], rows: [[166, 58.7], [176, 75.7]] };
    const r = importPython(
      `${T}import numpy as np\n${DEVICE}data = np.loadtxt("people.csv", delimiter=",", skiprows=1)\nx = torch.tensor(data[:, 0]).float().to(device).view(-1, 1)\ny = torch.tensor(data[:, 1]).to(torch.float32).cpu()\nz = torch.tensor(data[:, [0, 1]], device=device).float()\n`,
      { datasets: { people } },
    );
    expect(r.error).toBeNull();
    expect(r.file.nodes.map((n) => [n.id, n.value])).toEqual([
      ['x', { type: 'columns', dataset: 'people', columns: ['height'] }],
      ['y', { type: 'columns', dataset: 'people', columns: ['weight'], vector: true }],
      ['z', { type: 'columns', dataset: 'people', columns: ['height', 'weight'] }],
    ]);
  });

  it.each([
    ['a device GradCanvas does not name', `${T}device = torch.device("mps")\n`, 'arguments', 2, 23, /"cpu", "cuda", "cuda" if torch\.cuda\.is_available\(\) else "cpu"/],
    ['a condition other than torch.cuda.is_available()', `${T}gpu = 1\ndevice = torch.device("cuda" if gpu else "cpu")\n`, 'arguments', 3, 23, /a device/],
    ['.to of a device it does not name', `${T}x = torch.tensor([1.0])\ny = x.to("mps")\n`, 'toArgument', 3, 10, /x\.to\(\.\.\.\) takes a number type .* or a device .*, got "mps"/],
    ['.to of a tensor', `${T}x = torch.tensor([1.0])\nw = torch.tensor([2.0])\ny = x.to(w)\n`, 'toArgument', 4, 10, /got w/],
    ['.to of a number', `${T}x = torch.tensor([1.0]).to(3)\n`, 'toArgument', 2, 28, /got 3/],
    ['.to of nothing', `${T}x = torch.tensor([1.0])\ny = x.to()\n`, 'arguments', 3, 9, /takes a type .* or a device/],
    ['.to with another keyword', `${T}x = torch.tensor([1.0])\ny = x.to(non_blocking=True)\n`, 'keyword', 3, 10, /Supported: dtype=, device=/],
    ['device= of something else', `${T}x = torch.tensor([1.0], device="tpu")\n`, 'arguments', 2, 32, /device= takes a device/],
    ['.cpu() with an argument', `${T}x = torch.tensor([1.0])\ny = x.cpu(0)\n`, 'arguments', 3, 10, /no arguments/],
    ['x.to(device) alone, which moves nothing in PyTorch (a tensor is not moved in place)', `${T}${DEVICE}x = torch.tensor([1.0])\nx.to(device)\n`, 'statement', 4, 1, /not supported/],
    ['.to of data to a device it does not name', `${T}import numpy as np\ndata = np.loadtxt("line.csv", delimiter=",", skiprows=1)\nx = torch.tensor(data[:, 0]).to("mps")\n`, 'toArgument', 4, 33, /got "mps"/],
  ])('refuses %s, at its place, saying what is supported', (_name, code, reason, line, col, message) => {
    const [r, l, c, m] = refusal(code, { line: { columns: ['x', 'y'], rows: [[0, 1]] } });
    expect([r, l, c]).toEqual([reason, line, col]);
    expect(m).toMatch(message);
  });
});
