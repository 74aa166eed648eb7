import { describe, expect, it } from 'vitest';
import { pyString } from '../codegen/escape';
import { pyList } from '../codegen/python';
import { compile } from '../exec/compile';
import { fileToGraph } from '../format/convert';
import type { AttrValue, Graph, GraphEdge, GraphNode } from '../graph/types';
import { resolveAttrs } from '../ops/attrs';
import { OPS_BY_NAME, type OpName } from '../ops/registry';
import { importPython } from './index';

/** A leaf feeding a port: its numbers (a scalar when `shape` is []), or a number on a port with a constant. */
type PortValue = { shape: number[]; data: number[] } | number;
/** One node of an op to write with the op's own torch() and read back. */
interface Case {
  readonly inputs: Readonly<Record<string, PortValue>>;
  readonly attrs?: Readonly<Record<string, AttrValue>>;
  /** linear: the weight and bias, written as tensors named w and b. */
  readonly params?: Readonly<Record<string, { shape: number[]; data: number[] }>>;
}

const t = (shape: number[], data: number[]) => ({ shape, data });
const m23 = t([2, 3], [0.3, -1.2, 2.5, 0.7, 1.1, -0.4]);
const v3 = t([3], [0.9, -0.6, 1.7]);
const positive = t([2, 3], [0.3, 1.2, 2.5, 0.7, 1.1, 0.4]);
const reductions = [null, 0, 1, -1].flatMap((axis) => [false, true].map((keepdim) => ({ inputs: { x: m23 }, attrs: { axis, keepdim } })));
const binary: Case[] = [{ inputs: { a: m23, b: v3 } }, { inputs: { a: m23, b: 1.5 } }];
const losses = (input: PortValue, target: PortValue): Case[] => ['mean', 'sum'].map((reduction) => ({ inputs: { input, target }, attrs: { reduction } }));

/** Every registered op, with the attribute values worth reading back (a missing op does not compile). */
const CASES: Record<OpName, readonly Case[]> = {
  square: [{ inputs: { x: m23 } }],
  scale: [{ inputs: { x: m23 }, attrs: { k: 2.5 } }, { inputs: { x: m23 }, attrs: { k: -0.5 } }],
  add: binary,
  sub: binary,
  mul: binary,
  div: [{ inputs: { a: m23, b: v3 } }, { inputs: { a: m23, b: 4 } }],
  sum: reductions,
  mean: reductions,
  max: reductions,
  argmax: reductions,
  linear: [{ inputs: { x: m23 }, attrs: { inFeatures: 3, outFeatures: 2 }, params: { weight: t([2, 3], [0.5, -0.25, 1, 0.75, 0.1, -0.9]), bias: t([2], [0.2, -0.3]) } }],
  mse: losses(m23, t([2, 3], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])),
  neg: [{ inputs: { x: m23 } }],
  pow: [2, 3, 0.5, -1].map((p) => ({ inputs: { x: positive }, attrs: { p } })),
  exp: [{ inputs: { x: m23 } }],
  log: [{ inputs: { x: positive } }],
  matmul: [{ inputs: { a: m23, b: t([3, 2], [1, 2, 3, 4, 5, 6]) } }, { inputs: { a: v3, b: t([3, 2], [1, 2, 3, 4, 5, 6]) } }],
  sigmoid: [{ inputs: { x: m23 } }],
  tanh: [{ inputs: { x: m23 } }],
  relu: [{ inputs: { x: m23 } }],
  softmax: [0, 1, -1].map((axis) => ({ inputs: { x: m23 }, attrs: { axis } })),
  eq: [{ inputs: { a: m23, b: t([3], [0.3, 1.1, 0]) } }, { inputs: { a: m23, b: 2.5 } }],
  gt: [{ inputs: { a: m23, b: v3 } }, { inputs: { a: m23, b: 0.5 } }],
  bce: losses(t([4], [0.2, 0.9, 0.5, 0.7]), t([4], [0, 1, 1, 0])),
  bce_with_logits: losses(t([4], [-1.2, 0.9, 2.5, 0.1]), t([4], [0, 1, 1, 0])),
  reshape: [[3, 2], [-1], [1, -1, 3], [6, 1, 1, 1]].map((shape) => ({ inputs: { x: m23 }, attrs: { shape } })).concat([{ inputs: { x: t([1, 1], [2.5]) }, attrs: { shape: [] } }]),
  cross_entropy: losses(t([4, 3], [0.3, -1.2, 2.5, 0.7, 1.1, -0.4, 0, 1, 2, -2, 0.5, 0.25]), t([4], [2, 0, 1, 2])),
};

/** The graph of one case: a leaf per connected port, the op node `y` and, when it carries a gradient, `z = y.sum()` as the loss. */
function caseGraph(name: OpName, c: Case): Graph {
  const def = OPS_BY_NAME[name];
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const port of def.inputs) {
    const v = c.inputs[port.name];
    if (typeof v === 'number' || v === undefined) continue;
    nodes.push({ id: port.name, op: 'input', value: { type: 'tensor', ...v }, requiresGrad: port.differentiable !== false });
    edges.push({ source: port.name, target: 'y', targetPort: port.name });
  }
  const attrs = { ...c.attrs };
  for (const port of def.inputs) if (typeof c.inputs[port.name] === 'number') attrs[port.fallbackAttr as string] = c.inputs[port.name] as number;
  const params = c.params && Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, { shape: v.shape, data: Float64Array.from(v.data) }]));
  nodes.push({ id: 'y', op: name, attrs, ...(params ? { params } : {}) });
  const differentiable = def.inputs.some((p) => p.differentiable !== false);
  if (!differentiable) return { nodes, edges, dtype: 'float64' };
  nodes.push({ id: 'z', op: 'sum' });
  edges.push({ source: 'y', target: 'z', targetPort: 'x' });
  return { nodes, edges, loss: 'z', dtype: 'float64' };
}

/** The case as PyTorch code: each leaf as torch.tensor, then `y = ` the op's own torch() expression, then the backward. */
function caseScript(name: OpName, c: Case, graph: Graph): string {
  const def = OPS_BY_NAME[name];
  const lines = ['import torch', 'torch.set_default_dtype(torch.float64)'];
  for (const n of graph.nodes) {
    if (n.op !== 'input' || n.value?.type !== 'tensor') continue;
    lines.push(`${n.id} = torch.tensor(${pyList({ shape: n.value.shape, data: Float64Array.from(n.value.data) })}${n.requiresGrad ? ', requires_grad=True' : ''})`);
  }
  const args = def.inputs.map((p) => (typeof c.inputs[p.name] === 'number' ? String(c.inputs[p.name]) : p.name));
  for (const [param, v] of Object.entries(c.params ?? {})) {
    const id = param === 'weight' ? 'w' : 'b';
    lines.push(`${id} = torch.tensor(${pyList({ shape: v.shape, data: Float64Array.from(v.data) })}, requires_grad=True)`);
    args.push(id);
  }
  const { attrs } = resolveAttrs(def.attrs, graph.nodes.find((n) => n.id === 'y')?.attrs);
  lines.push(`y = ${def.torch(args, attrs, pyString)}`);
  if (graph.loss) lines.push('z = y.sum()', 'z.backward()');
  return `${lines.join('\n')}\n`;
}

/** Values of `y` and every gradient (leaves by id, parameters by node and name). */
function run(graph: Graph): { y: number[]; grads: Record<string, number[]> } {
  const { program, problems } = compile(graph);
  if (!program) throw new Error(problems.map((p) => p.message).join('; '));
  program.forward();
  const grads: Record<string, number[]> = {};
  if (graph.loss) {
    program.backward();
    for (const s of program.slots) if (s.isLeaf && s.grad) grads[s.id] = Array.from(s.grad);
    for (const p of program.params) grads[`${p.node}.${p.name}`] = Array.from(p.grad);
  }
  return { y: Array.from(program.value('y').data), grads };
}

describe('every op imports back from its own PyTorch expression', () => {
  for (const [name, cases] of Object.entries(CASES) as [OpName, readonly Case[]][]) {
    cases.forEach((c, k) => {
      it(`${name} #${k + 1}: the same op and attributes, values and gradients`, () => {
        const graph = caseGraph(name, c);
        const code = caseScript(name, c, graph);
        const r = importPython(code);
        expect(r.error, code).toBeNull();
        const y = r.file.nodes.find((n) => n.id === 'y');
        expect(y?.op, code).toBe(name);
        const def = OPS_BY_NAME[name];
        const want = resolveAttrs(def.attrs, graph.nodes.find((n) => n.id === 'y')?.attrs).attrs;
        expect(resolveAttrs(def.attrs, y?.attrs).attrs, code).toEqual(want);
        // The imported graph: the same leaves and op (F.linear's w and b become the node's parameters).
        const imported = fileToGraph(r.file);
        const ours = run(graph);
        const back = run(imported);
        expect(back.y, code).toEqual(ours.y);
        const renamed = Object.fromEntries(Object.entries(back.grads).map(([k2, v]) => [k2.replace(/^y\./, 'y.'), v]));
        expect(renamed, code).toEqual(ours.grads);
      });
    });
  }
});
