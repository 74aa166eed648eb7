import { describe, expect, it } from 'vitest';
import { TorchGenerator } from '../tensor/torchRandom';
import { GraphDraft } from './draft';
import { evaluate, type Scope } from './expressions';
import { importPython } from './index';
import { parseScript, parts } from './syntax';

/** The document's nodes as `id:op{attrs}` (and a leaf's shape), after the script imported without error. */
function nodes(code: string): string[] {
  const r = importPython(code);
  expect(r.error, code).toBeNull();
  return r.file.nodes.map((n) => {
    const v = n.value?.type === 'tensor' ? `[${n.value.shape.join(',')}]` : n.value?.type === 'arange' ? '(arange)' : '';
    return `${n.id}:${n.op}${n.attrs && Object.keys(n.attrs).length > 0 ? JSON.stringify(n.attrs) : ''}${v}${n.requiresGrad ? ' grad' : ''}`;
  });
}

/** The reason, line and column of a refused script. */
function refusal(code: string): [string, number, number] {
  const r = importPython(code);
  expect(r.error, code).not.toBeNull();
  expect(r.error?.message.length).toBeGreaterThan(10);
  return [r.error!.reason, r.error!.line, r.error!.col];
}

const T = 'import torch\n';
const TF = 'import torch\nimport torch.nn.functional as F\n';

describe('modules', () => {
  it('imports torch.nn.functional as F, and accepts torch.optim as optim and pandas as pd as names', () => {
    expect(nodes(`${TF}import torch.optim as optim\nimport pandas as pd\nx = torch.tensor([1.0, -2.0])\ny = F.relu(x)\n`)).toEqual(['x:input[2]', 'y:relu']);
  });

  it('reaches torch.nn.functional through torch, as Python does after import torch', () => {
    expect(nodes(`${T}x = torch.tensor([1.0, -2.0])\ny = torch.nn.functional.relu(x)\n`)).toEqual(['x:input[2]', 'y:relu']);
  });

  it('refuses F before its import', () => {
    expect(refusal(`${T}x = torch.tensor([1.0])\ny = F.relu(x)\n`)).toEqual(['notImported', 3, 5]);
  });
});

describe('torch.zeros, torch.ones, torch.randn', () => {
  it('takes sizes as numbers, a tuple or a list, with requires_grad and dtype', () => {
    const r = importPython(`${T}a = torch.zeros(2, 3)\nb = torch.ones((3,), requires_grad=True)\nc = torch.zeros([2, 1], dtype=torch.float32)\nd = torch.ones(())\n`);
    expect(r.error).toBeNull();
    expect(r.file.nodes.map((n) => [n.id, n.value, n.requiresGrad ?? false])).toEqual([
      ['a', { type: 'tensor', shape: [2, 3], data: [0, 0, 0, 0, 0, 0] }, false],
      ['b', { type: 'tensor', shape: [3], data: [1, 1, 1] }, true],
      ['c', { type: 'tensor', shape: [2, 1], data: [0, 0] }, false],
      ['d', { type: 'tensor', shape: [], data: [1] }, false],
    ]);
  });

  it('refuses sizes that are not whole numbers', () => {
    expect(refusal(`${T}a = torch.zeros(2.5)\n`)).toEqual(['arguments', 2, 17]);
  });

  it('draws torch.randn from PyTorch generator after torch.manual_seed, continuing the stream from call to call', () => {
    const r = importPython(`${T}torch.manual_seed(42)\na = torch.randn(3)\nb = torch.randn(2, 2, dtype=torch.float32)\n`);
    expect(r.error).toBeNull();
    const g = new TorchGenerator(42);
    const a = Array.from(g.randn(3, 'float32'));
    const b = Array.from(g.randn(4, 'float32'));
    expect(r.file.nodes.map((n) => (n.value?.type === 'tensor' ? n.value.data : null))).toEqual([a, b]);
    expect(a).not.toEqual(b.slice(0, 3));
  });

  it('refuses torch.randn without a seed: the numbers would change on every run', () => {
    expect(refusal(`${T}a = torch.randn(3)\n`)).toEqual(['seed', 2, 16]);
    expect(nodes(`${T}torch.manual_seed(0)\na = torch.randn(4, 4)\n`)).toEqual(['a:input[4,4]']);
  });
});

describe('number types', () => {
  it('dtype=torch.float64 makes the graph float64', () => {
    const r = importPython(`${T}x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)\ny = torch.arange(0.0, 2.0, dtype=torch.float64)\n`);
    expect(r.error).toBeNull();
    expect(r.file.dtype).toBe('float64');
  });

  it('refuses a second number type, and a conversion the graph cannot hold, at its place', () => {
    expect(refusal(`${T}x = torch.tensor([1.0])\ny = torch.tensor([1.0], dtype=torch.float64)\n`)).toEqual(['dtypeMismatch', 3, 5]);
    expect(refusal(`${T}x = torch.tensor([1.0])\ny = x.double()\n`)).toEqual(['dtypeMismatch', 3, 5]);
    expect(refusal(`${T}x = torch.tensor([1.0], requires_grad=True).double()\n`)).toEqual(['castGrad', 2, 5]);
  });

  it('.float() on NumPy numbers makes a float32 leaf; .float() on a float32 tensor is the tensor itself', () => {
    const r = importPython(`${T}import numpy as np\nx = torch.tensor(np.arange(-1, 1.1, 0.5)).float()\ny = x.float()\nz = y.to(torch.float32)\n`);
    expect(r.error).toBeNull();
    expect(r.file.dtype).toBe('float32');
    expect(r.file.nodes.map((n) => n.id)).toEqual(['x']);
  });

  it('.double() on a float32 tensor being made keeps its float32 numbers', () => {
    const r = importPython(`${T}x = torch.tensor([0.1, 0.2], dtype=torch.float32).double()\n`);
    expect(r.error).toBeNull();
    expect(r.file.dtype).toBe('float64');
    expect(r.file.nodes[0].value).toEqual({ type: 'tensor', shape: [2], data: [Math.fround(0.1), Math.fround(0.2)] });
  });
});

describe('max, reshapes and reductions along an axis', () => {
  it('reads .max(), torch.max(x, dim).values and .indices, and sum/mean with dim and keepdim', () => {
    expect(
      nodes(`${T}x = torch.tensor([[1.0, 2.0], [3.0, 0.0]])\na = x.max()\nb = torch.max(x, dim=1).values\nc = torch.max(x, 0).indices\nd = x.sum(dim=0, keepdim=True)\ne = torch.mean(x, 1)\nf = x.argmax(dim=1)\n`),
    ).toEqual(['x:input[2,2]', 'a:max', 'b:max{"axis":1}', 'max:max{"axis":0}', 'c:argmax{"axis":0}', 'd:sum{"axis":0,"keepdim":true}', 'e:mean{"axis":1}', 'f:argmax{"axis":1}']);
    expect(nodes(`${T}x = torch.tensor([[1.0, 2.0], [3.0, 0.0]])\np = torch.max(x, 1)[1]\nv = torch.max(x, 1)[0]\n`)).toEqual(['x:input[2,2]', 'max:max{"axis":1}', 'p:argmax{"axis":1}', 'v:max{"axis":1}']);
    expect(refusal(`${T}x = torch.tensor([1.0, 2.0])\np = x[0]\n`)).toEqual(['expression', 3, 5]);
  });

  it('reshapes data: .view(-1, 1) on a tensor being made, and a new leaf for a tensor that exists', () => {
    expect(nodes(`${T}x = torch.tensor([1.0, 2.0, 3.0]).view(-1, 1)\ny = torch.arange(0.0, 6.0)\nz = y.reshape(2, 3)\nw = torch.reshape(z, (3, 2))\nv = w.view(3, 2)\n`)).toEqual([
      'x:input[3,1]',
      'y:input(arange)',
      'z:input[2,3]',
      'w:input[3,2]',
    ]);
  });

  it('a reshape of a tensor that requires grad, or of a computed one, is a reshape node named after its variable, keeping a -1 as written', () => {
    expect(nodes(`${T}x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x.view(2, 1)\n`)).toEqual(['x:input[2] grad', 'y:reshape{"shape":[2,1]}']);
    expect(nodes(`${T}x = torch.tensor([1.0, 2.0])\ny = (x * x).view(-1, 1)\n`)).toEqual(['x:input[2]', 'mul:mul', 'y:reshape{"shape":[-1,1]}']);
    expect(nodes(`${T}x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)\ns = torch.sigmoid(x)\nr = torch.reshape(s, (3, 2))\nf = s.reshape([-1])\nc = f.view(6, 1, 1)\nq = torch.sum(c).reshape(())\n`)).toEqual([
      'x:input[2,3] grad',
      's:sigmoid',
      'r:reshape{"shape":[3,2]}',
      'f:reshape{"shape":[-1]}',
      'c:reshape{"shape":[6,1,1]}',
      'sum:sum',
      'q:reshape{"shape":[]}',
    ]);
  });

  it('a reshape to the shape a computed tensor already has is a node too (PyTorch makes a new tensor), and [1] * n sizes are read', () => {
    expect(nodes(`${T}x = torch.tensor([1.0, 2.0], requires_grad=True)\ny = (x * 2).reshape(2)\nz = torch.exp(x).sum().view([1] * 3)\n`)).toEqual([
      'x:input[2] grad',
      'mul:mul{"c":2}',
      'y:reshape{"shape":[2]}',
      'exp:exp',
      'sum:sum',
      'z:reshape{"shape":[1,1,1]}',
    ]);
  });

  it('keeps an argmax result an integer tensor through a reshape', () => {
    expect(nodes(`${T}x = torch.tensor([[1.0, 2.0], [3.0, 0.0]])\na = x.argmax(dim=1).view(2, 1)\nb = torch.eq(a, 1)\n`)).toEqual(['x:input[2,2]', 'argmax:argmax{"axis":1}', 'a:reshape{"shape":[2,1]}', 'b:eq{"c":1}']);
    expect(refusal(`${T}x = torch.tensor([[1.0, 2.0], [3.0, 0.0]])\na = x.argmax(dim=1).view(2, 1)\nb = a.sum()\n`)).toEqual(['integerTensor', 4, 10]);
  });

  it('refuses sizes that do not fit, two -1s and keywords, at the call', () => {
    expect(refusal(`${T}x = torch.tensor([1.0, 2.0, 3.0]).view(2, -1)\n`)).toEqual(['reshapeSize', 2, 5]);
    expect(refusal(`${T}x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\ny = torch.exp(x)\nz = y.view(2, 2)\n`)).toEqual(['reshapeSize', 4, 5]);
    expect(refusal(`${T}x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)\nz = x.reshape(-1, -1)\n`)).toEqual(['reshapeSize', 3, 5]);
    expect(refusal(`${T}x = torch.tensor([1.0, 2.0], requires_grad=True)\nz = torch.reshape(x * 2, (1, -2))\n`)).toEqual(['arguments', 3, 30]);
    expect(refusal(`${T}x = torch.tensor([1.0, 2.0], requires_grad=True)\nz = x.reshape(shape=(2, 1))\n`)).toEqual(['keyword', 3, 21]);
    expect(importPython(`${T}x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\nz = (x * 2).view(2, 2)\n`).error?.message).toBe('The shape [2, 2] is invalid for a tensor of 3 numbers.');
  });
});

describe('F functions, comparisons and matmul', () => {
  it('reads F.sigmoid/relu/tanh/softmax, the losses with reduction, @, == and >', () => {
    expect(
      nodes(
        `${TF}x = torch.tensor([[0.5, -1.0, 2.0]], requires_grad=True)\nt = torch.tensor([[0.0, 1.0, 1.0]])\n` +
          `a = F.sigmoid(x)\nb = F.tanh(x) @ torch.ones(3, 1)\nc = F.softmax(x, dim=1)\nd = torch.softmax(x, -1)\n` +
          `e = F.mse_loss(a, t)\nf = F.binary_cross_entropy(a, t, reduction='sum')\ng = F.binary_cross_entropy_with_logits(x, t)\n` +
          `h = (x > 0.5).float().mean()\ni = 0.5 < x\nj = x == t\n`,
      ),
    ).toEqual([
      'x:input[1,3] grad',
      't:input[1,3]',
      'a:sigmoid',
      'tanh:tanh',
      'x_2:input[3,1]',
      'b:matmul',
      'c:softmax{"axis":1}',
      'd:softmax{"axis":-1}',
      'e:mse',
      'f:bce{"reduction":"sum"}',
      'g:bce_with_logits',
      'gt:gt{"c":0.5}',
      'h:mean',
      'i:gt{"c":0.5}',
      'j:eq',
    ]);
  });

  it('says how a call is written when an argument is missing or unknown', () => {
    expect(refusal(`${TF}x = torch.tensor([1.0])\ny = F.softmax(x)\n`)).toEqual(['opArguments', 4, 14]);
    expect(refusal(`${TF}x = torch.tensor([1.0])\ny = F.mse_loss(x, x, reduction='none')\n`)).toEqual(['choice', 4, 32]);
    expect(refusal(`${TF}x = torch.tensor([1.0])\ny = F.relu(x, inplace=True)\n`)).toEqual(['keyword', 4, 15]);
    expect(importPython(`${TF}x = torch.tensor([1.0])\ny = F.softmax(x)\n`).error?.message).toContain('F.softmax(x, dim=)');
  });
});

describe('class labels for cross-entropy', () => {
  it('takes an int64 tensor that does not require grad as the target, and labels.long() of whole floats', () => {
    const code = `${TF}x = torch.tensor([[0.1, 0.5, -1.0], [2.0, 0.0, 1.0]], requires_grad=True)\nt = torch.tensor([2, 0])\nloss = F.cross_entropy(x, t)\nu = torch.tensor([2.0, 0.0])\nl2 = F.cross_entropy(x, u.long(), reduction='sum')\nloss.backward()\n`;
    const r = importPython(code);
    expect(r.error).toBeNull();
    expect(r.file.edges.filter((e) => e.targetPort === 'target').map((e) => [e.source, e.target])).toEqual([
      ['t', 'loss'],
      ['u', 'l2'],
    ]);
    expect(r.file.nodes.find((n) => n.id === 't')?.requiresGrad).toBeUndefined();
  });

  it('refuses float labels, integers that require grad, and arithmetic on integers', () => {
    expect(refusal(`${TF}x = torch.tensor([[0.1, 0.5]])\nt = torch.tensor([1.0])\nl = F.cross_entropy(x, t)\n`)).toEqual(['labels', 5, 24]);
    expect(refusal(`${T}t = torch.tensor([0, 1], requires_grad=True)\n`)).toEqual(['integerTensor', 2, 18]);
    expect(refusal(`${T}t = torch.tensor([0, 1])\nu = t + 1\n`)).toEqual(['integerTensor', 3, 5]);
    expect(refusal(`${T}t = torch.tensor([0.5, 1.0])\nu = t.long()\n`)).toEqual(['long', 3, 5]);
  });
});

describe('F.linear', () => {
  it('makes the weight and bias tensors the linear node own parameters; w.grad still prints', () => {
    const code = `${TF}x = torch.tensor([[1.0, 2.0]])\nw = torch.tensor([[0.5, -0.5], [1.0, 0.0], [0.0, 2.0]], requires_grad=True)\nb = torch.zeros(3, requires_grad=True)\ny = F.linear(x, w, b)\nz = y.sum()\nz.backward()\nprint(w.grad, b.grad)\n`;
    const r = importPython(code);
    expect(r.error).toBeNull();
    expect(r.file.nodes.map((n) => n.id)).toEqual(['x', 'y', 'z']);
    const y = r.file.nodes[1];
    expect([y.op, y.attrs, y.params?.weight.shape, y.params?.bias.data]).toEqual(['linear', { inFeatures: 2, outFeatures: 3 }, [3, 2], [0, 0, 0]]);
    // The document after `w = ...` still shows w: each statement's document is the graph then.
    expect(r.statements[3].file.nodes.map((n) => n.id)).toEqual(['x', 'w']);
  });

  it('refuses a weight used elsewhere, and the weight used again after', () => {
    expect(refusal(`${TF}x = torch.tensor([[1.0]])\nw = torch.tensor([[0.5]])\nb = torch.zeros(1)\nv = w * 2.0\ny = F.linear(x, w, b)\n`)).toEqual(['linearParams', 7, 17]);
    expect(refusal(`${TF}x = torch.tensor([[1.0]])\nw = torch.tensor([[0.5]])\nb = torch.zeros(1)\ny = F.linear(x, w, b)\nv = w * 2.0\n`)).toEqual(['parameterOf', 7, 5]);
  });
});

describe('.item() and backward', () => {
  it('accepts .item() where a number is printed, and refuses it elsewhere', () => {
    expect(nodes(`${T}x = torch.tensor([1.0, 2.0], requires_grad=True)\nloss = x.sum()\nloss.backward()\nprint(loss.item(), f"{loss.item():.3f}")\n`)).toEqual(['x:input[2] grad', 'loss:sum']);
    expect(refusal(`${T}x = torch.tensor([1.0, 2.0])\nv = x.sum().item()\n`)).toEqual(['item', 3, 5]);
  });

  it('refuses a second backward: PyTorch would add to .grad, and the graph runs one backward', () => {
    expect(refusal(`${T}x = torch.tensor([1.0], requires_grad=True)\nz = x.sum()\nz.backward()\nz.backward()\n`)).toEqual(['backwardTwice', 5, 1]);
  });
});

describe('a dataset column reshaped', () => {
  it('reads a one-column leaf as a column [rows, 1] after .view(-1, 1)', () => {
    // The draft a data-reading statement leaves: a one-column `columns` leaf (the model-level import makes these).
    const code = 'y.view(-1, 1)';
    const draft = new GraphDraft();
    const y = draft.add('y', { op: 'input', value: { type: 'columns', dataset: 'd', columns: ['t'], vector: true } });
    const scope: Scope = { code, draft, vars: new Map([['y', { kind: 'tensor', id: y }]]), modules: new Set(['torch']), defaultDtype: 'float32' };
    const file = draft.file.bind(draft);
    // The graph checks need the dataset: the document carries it as the model-level import will.
    draft.file = (mark) => ({ ...file(mark), datasets: { d: { columns: ['t'], rows: [[1], [2], [3]] } } });
    const [stmt] = parseScript(code).statements;
    const v = evaluate(scope, parts(stmt)[0]);
    expect(v.kind === 'tensor' && draft.nodes.find((n) => n.id === v.id)?.value).toEqual({ type: 'columns', dataset: 'd', columns: ['t'], vector: false });
  });
});
