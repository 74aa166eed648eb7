import { describe, expect, it } from 'vitest';
import { exportCourseScript } from '../codegen/courseScript';
import { pythonNames } from '../codegen/python';
import { compile } from '../exec/compile';
import { fileToGraph } from '../format/convert';
import type { Graph, GraphNode } from '../graph/types';
import { compositeFunction, edge, scalarChain } from '../testing/graphs';
import { importPython } from './index';

const COURSE = `import torch
x = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)
y = 2 * x**2 + 2
z = y.sum()
z.backward()
print(x.grad)
`;

/** The document's nodes as `id op` with their attributes, and its wires. */
function shapeOf(code: string) {
  const r = importPython(code);
  expect(r.error).toBeNull();
  return r;
}

/** Values and leaf gradients of a graph after forward and backward from its loss. */
function run(graph: Graph): { values: Map<string, number[]>; grads: Map<string, number[]> } {
  const { program, problems } = compile(graph);
  if (!program) throw new Error(problems.map((p) => p.message).join('\n'));
  program.forward();
  program.backward();
  const values = new Map<string, number[]>();
  const grads = new Map<string, number[]>();
  for (const s of program.slots) {
    values.set(s.id, Array.from(program.value(s.id).data));
    const g = program.grad(s.id);
    if (s.isLeaf && g) grads.set(s.id, Array.from(g.data));
  }
  return { values, grads };
}

function expectClose(a: readonly number[], b: readonly number[]) {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b[i]))));
}

describe('importPython: the course composite function', () => {
  it('builds x → square → scale → add → sum, named from the variables, statement by statement', () => {
    const r = shapeOf(COURSE);
    expect(r.statements.map((s) => [s.line, s.added])).toEqual([
      [1, []],
      [2, ['x']],
      [3, ['square', 'scale', 'y']],
      [4, ['z']],
      [5, []],
      [6, []],
    ]);
    const nodes = r.file.nodes.map((n) => ({ id: n.id, op: n.op, attrs: n.attrs, label: n.label }));
    expect(nodes).toEqual([
      { id: 'x', op: 'input', attrs: undefined, label: 'x' },
      { id: 'square', op: 'square', attrs: undefined, label: undefined },
      { id: 'scale', op: 'scale', attrs: { k: 2 }, label: undefined },
      { id: 'y', op: 'add', attrs: { c: 2 }, label: 'y' },
      { id: 'z', op: 'sum', attrs: undefined, label: 'z' },
    ]);
    expect(r.file.edges).toEqual([edge('x', 'square'), edge('square', 'scale'), edge('scale', 'y', 'a'), edge('y', 'z')]);
    expect(r.file.loss).toBe('z');
    expect(r.statements[4].backward).toBe('z');
    // No set_default_dtype: PyTorch computes in float32, and so does the document.
    expect(r.file.dtype).toBe('float32');
    expect(r.file.nodes[0].value).toEqual({ type: 'arange', start: -2, end: 2.1, step: 0.25 });
    expect(r.file.nodes[0].requiresGrad).toBe(true);
  });

  it('gives x.grad = 4x after backward', () => {
    const { grads } = run(fileToGraph(shapeOf(COURSE).file));
    expect(grads.get('x')).toEqual(Array.from({ length: 17 }, (_, i) => 4 * (-2 + 0.25 * i)));
  });

  it('places each node one column right of its inputs', () => {
    const pos = Object.fromEntries(shapeOf(COURSE).file.nodes.map((n) => [n.id, n.position.x]));
    expect(pos).toEqual({ x: 0, square: 200, scale: 400, y: 600, z: 800 });
  });
});

describe('importPython: each construct', () => {
  const ops = (code: string) => shapeOf(`import torch\n${code}`).file.nodes.map((n) => `${n.id}:${n.op}${n.attrs ? JSON.stringify(n.attrs) : ''}`);

  it('imports torch, torch.nn as nn and numpy as np', () => {
    expect(shapeOf('import torch\nimport torch.nn as nn\nimport numpy as np\n').statements).toHaveLength(3);
  });

  it('reads torch.tensor lists, nested lists and requires_grad', () => {
    const r = shapeOf('import torch\na = torch.tensor([[1.0, 2], [3, -4.5]], requires_grad=True)\nb = torch.tensor([0.5])\n');
    expect(r.file.nodes[0]).toMatchObject({ id: 'a', op: 'input', value: { type: 'tensor', shape: [2, 2], data: [1, 2, 3, -4.5] }, requiresGrad: true });
    expect(r.file.nodes[1]).toMatchObject({ id: 'b', requiresGrad: false, value: { shape: [1], data: [0.5] } });
  });

  it('reads torch.tensor of one number as a scalar', () => {
    expect(shapeOf('import torch\na = torch.tensor(0.5)\n').file.nodes[0].value).toEqual({ type: 'tensor', shape: [], data: [0.5] });
  });

  it('reads torch.arange with one, two or three numbers', () => {
    expect(shapeOf('import torch\na = torch.arange(4.0)\n').file.nodes[0].value).toEqual({ type: 'arange', start: 0, end: 4, step: 1 });
    expect(shapeOf('import torch\na = torch.arange(1.0, 3)\n').file.nodes[0].value).toEqual({ type: 'arange', start: 1, end: 3, step: 1 });
  });

  it('reads torch.tensor(np.arange(...)) as a float64 arange', () => {
    const r = shapeOf('import torch\nimport numpy as np\nx = torch.tensor(np.arange(-2, 2.1, 0.25), requires_grad=True)\n');
    expect(r.file.nodes[0]).toMatchObject({ value: { type: 'arange', start: -2, end: 2.1, step: 0.25 }, requiresGrad: true });
    expect(r.file.dtype).toBe('float64');
  });

  it('maps + - * / ** with numbers onto add, sub, scale (number first, as the course writes 2 * x), mul (tensor first), div, square and pow', () => {
    expect(ops('x = torch.tensor([1.0, 2.0])\na = x + 1\nb = 3 + x\nc = x - 2\nd = x * 3\ne = 0.5 * x\nf = x / 4\ng = x**2\nh = x**3\n')).toEqual([
      'x:input',
      'a:add{"c":1}',
      'b:add{"c":3}',
      'c:sub{"c":2}',
      'd:mul{"c":3}',
      'e:scale{"k":0.5}',
      'f:div{"c":4}',
      'g:square',
      'h:pow{"p":3}',
    ]);
  });

  it('puts a number left of - and / in a constant leaf', () => {
    expect(ops('x = torch.tensor([1.0, 2.0])\na = 1 - x\nb = 2 / x\n')).toEqual(['x:input', 'c:constant', 'a:sub', 'c_2:constant', 'b:div']);
  });

  it('maps tensor-with-tensor arithmetic and negation', () => {
    expect(ops('a = torch.tensor([1.0, 2.0])\nb = torch.tensor([3.0, 4.0])\nc = a + b\nd = a - b\ne = a * b\nf = a / b\ng = -a\n').slice(2)).toEqual([
      'c:add',
      'd:sub',
      'e:mul',
      'f:div',
      'g:neg',
    ]);
  });

  it('folds number arithmetic and keeps plain number variables', () => {
    expect(ops('k = 2 * 3 - 1 / 2\nx = torch.tensor([1.0])\ny = k * x\n')).toEqual(['x:input', 'y:scale{"k":5.5}']);
  });

  it('maps .sum(), .mean(), torch.sum/mean and torch.sigmoid/exp/log/tanh/relu/square/pow', () => {
    expect(
      ops('x = torch.tensor([1.0, 2.0])\na = x.sum()\nb = x.mean()\nc = torch.sigmoid(x)\nd = torch.exp(x)\ne = torch.log(x)\nf = torch.tanh(x)\ng = torch.relu(x)\nh = torch.mean(x)\ni = torch.square(x)\nj = torch.pow(x, 3.0)\n').slice(1),
    ).toEqual(['a:sum', 'b:mean', 'c:sigmoid', 'd:exp', 'e:log', 'f:tanh', 'g:relu', 'h:mean', 'i:square', 'j:pow{"p":3}']);
  });

  it('names the nodes of a reassigned variable apart, labelled with the variable', () => {
    const r = shapeOf('import torch\nx = torch.tensor([1.0])\nx = x * 2\n');
    expect(r.file.nodes.map((n) => [n.id, n.label])).toEqual([
      ['x', 'x'],
      ['x_2', 'x'],
    ]);
  });

  it('sets the dtype with torch.set_default_dtype, and accepts print(...)', () => {
    const r = shapeOf('import torch\ntorch.set_default_dtype(torch.float64)\nx = torch.tensor([1.0], requires_grad=True)\nprint(x, x.grad)\n');
    expect(r.file.dtype).toBe('float64');
    expect(r.statements.at(-1)?.added).toEqual([]);
  });
});

describe('importPython: what it refuses, at its line and column, with the graph unchanged', () => {
  const refuse = (code: string) => {
    const r = importPython(code);
    expect(r.error).not.toBeNull();
    return { ...r.error!, ran: r.statements.length, nodes: r.file.nodes.map((n) => n.id) };
  };

  it.each([
    ['import matplotlib.pyplot as plt\n', 'import', 1, 1],
    ['import torch\nwhile True:\n    pass\n', 'statement', 2, 1],
    ['import torch\nfor i in range(3):\n    pass\n', 'loopStatement', 3, 5],
    ['import torch\nx = torch.full((3,), 1.0)\n', 'call', 2, 5],
    ['import torch\nx = torch.tensor([1.0]) @ 2\n', 'notTensor', 2, 27],
    ['import torch\nx = torch.tensor([1.0])\ny = x >= 0.5\n', 'operator', 3, 7],
    ['import torch\nx = torch.tensor([1.0])\ny = 0.0 < x < 1.0\n', 'operator', 3, 13],
    ['import torch\nx = torch.tensor([1, 2], requires_grad=True)\n', 'integerTensor', 2, 18],
    ['import torch\nx = torch.tensor([1, 2])\ny = x * 2.0\n', 'integerTensor', 3, 5],
    ['import torch\nx = torch.arange(3)\ny = torch.sigmoid(x)\n', 'integerTensor', 3, 19],
    ['import torch\nx = torch.tensor([[1.0], [2.0, 3.0]])\n', 'ragged', 2, 26],
    ['import torch\nx = torch.tensor([1.0], pin_memory=True)\n', 'keyword', 2, 25],
    ['x = torch.tensor([1.0])\n', 'notImported', 1, 5],
    ['import torch\ny = x + 1\n', 'undefinedName', 2, 5],
    ['import torch\nx = torch.tensor([1.0])\ny = 2 ** x\n', 'exponent', 3, 5],
    ['import torch\nx = torch.tensor([1.0])\ny = x.t()\n', 'call', 3, 5],
    ['import torch\nx = torch.tensor([1.0, 2.0])\nx.backward()\n', 'notScalar', 3, 1],
    ['import torch\nx = torch.tensor([1.0])\ny = x +* 2\n', 'syntax', 3, 8],
    ['import torch\nk = 1 / 0\n', 'divideByZero', 2, 5],
    ['import torch\nimport numpy as np\nx = torch.tensor(np.arange(0, 1, 0.5))\ny = torch.tensor([1.0])\n', 'dtypeMismatch', 4, 5],
    ['import torch\nx = torch.tensor([1.0, 2.0])\ny = torch.tensor([1.0, 2.0, 3.0])\nz = x + y\n', 'graph', 4, 1],
    ['import torch\nprint(w)\n', 'undefinedName', 2, 7],
  ])('%j: %s at %i:%i', (code, reason, line, col) => {
    const e = refuse(code);
    expect([e.reason, e.line, e.col]).toEqual([reason, line, col]);
    expect(e.message.length).toBeGreaterThan(10);
  });

  it('keeps the statements before the error and nothing of the failing one', () => {
    const e = refuse('import torch\nx = torch.tensor([1.0])\ny = 2 * x + torch.full((1,), 2.0)\n');
    expect(e.ran).toBe(2);
    expect(e.nodes).toEqual(['x']);
    expect(e.message).toContain('Supported');
  });

  it('finds a graph problem at its statement when more statements follow it', () => {
    const e = refuse('import torch\nx = torch.tensor([1.0, 2.0])\nw = torch.tensor([1.0, 2.0, 3.0])\nv = x * w\nu = x + 1\nt = u.sum()\n');
    expect([e.reason, e.line, e.col, e.ran]).toEqual(['graph', 4, 1, 3]);
    expect(e.nodes).toEqual(['x', 'w']);
    expect(e.message).toMatch(/shape|broadcast/i);
  });

  it('says what is supported instead', () => {
    expect(refuse('import torch\nx = torch.full((3,), 1.0)\n').message).toMatch(/torch\.full\(\.\.\.\) is not supported\. Supported: torch\.tensor, torch\.arange/);
  });

  it('keeps to the node limit it is given', () => {
    const lines = ['import torch', 'x = torch.tensor([1.0])', ...Array.from({ length: 5 }, (_, i) => `x${i} = x + ${i}.0`)];
    const r = importPython(lines.join('\n'), { maxNodes: 4 });
    expect(r.error).toMatchObject({ reason: 'graph', line: 6 });
    expect(r.file.nodes).toHaveLength(4);
  });
});

describe('importPython: round trip of the course-style export', () => {
  const tensor = (id: string, data: number[], grad = true): GraphNode => ({ id, op: 'input', value: { type: 'tensor', shape: [data.length], data }, requiresGrad: grad });
  const graphs: Record<string, Graph> = {
    composite: compositeFunction(),
    'composite in float32': { ...compositeFunction(), dtype: 'float32' },
    chain: scalarChain(9),
    unary: {
      nodes: [tensor('x', [0.3, -1.2, 2.5]), { id: 's', op: 'sigmoid' }, { id: 't', op: 'tanh' }, { id: 'r', op: 'relu' }, { id: 'e', op: 'exp' }, { id: 'sum1', op: 'add' }, { id: 'm', op: 'mean' }],
      edges: [edge('x', 's'), edge('s', 't'), edge('t', 'r'), edge('x', 'e'), edge('r', 'sum1', 'a'), edge('e', 'sum1', 'b'), edge('sum1', 'm')],
      loss: 'm',
    },
    binary: {
      nodes: [
        tensor('a', [0.5, 1.5, 2.5]),
        tensor('b', [2, 3, 4]),
        { id: 'q', op: 'div' },
        { id: 'd', op: 'sub', attrs: { c: 0.25 } },
        { id: 'p', op: 'mul' },
        { id: 'n', op: 'neg' },
        { id: 'l', op: 'log' },
        { id: 'w', op: 'pow', attrs: { p: 3 } },
        { id: 'v', op: 'div', attrs: { c: 7 } },
        { id: 'loss', op: 'sum' },
      ],
      edges: [edge('a', 'q', 'a'), edge('b', 'q', 'b'), edge('q', 'd', 'a'), edge('d', 'p', 'a'), edge('b', 'p', 'b'), edge('p', 'n'), edge('b', 'l'), edge('n', 'w'), edge('w', 'v', 'a'), edge('v', 'loss')],
      loss: 'loss',
    },
  };

  it.each(Object.keys(graphs))('%s: export → import gives the same values and gradients (1e-12)', (name) => {
    const original = graphs[name];
    const code = exportCourseScript(original)?.code;
    expect(code).toBeDefined();
    const r = importPython(code as string);
    expect(r.error).toBeNull();
    const back = fileToGraph(r.file);
    expect(back.dtype ?? 'float64').toBe(original.dtype ?? 'float64');
    // The export names each node as a Python variable (`loss` becomes `loss_`); the import names nodes from those.
    const py = pythonNames(original.nodes.map((n) => n.id), new Set(['torch']));
    expect(back.loss).toBe(py.get(original.loss as string));
    const a = run(original);
    const b = run(back);
    for (const [id, v] of a.values) expectClose(b.values.get(py.get(id) as string) ?? [], v);
    expect([...b.grads.keys()].sort()).toEqual([...a.grads.keys()].map((id) => py.get(id)).sort());
    for (const [id, g] of a.grads) expectClose(b.grads.get(py.get(id) as string) ?? [], g);
  });
});
