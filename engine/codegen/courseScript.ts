import { compile } from '../exec/compile';
import type { Step } from '../exec/program';
import type { Graph, GraphNode, LeafValue } from '../graph/types';
import { pyComment, pyString } from './escape';
import { pyFloat, pyList, pythonNames } from './python';
import type { PytorchExport } from './pytorch';

/**
 * How the course writes a few ops by hand (`x**2`, `y.sum()`); every other op is written
 * with its own PyTorch expression.
 */
const COURSE_FORMS: Readonly<Record<string, (step: Step, args: readonly string[]) => string | null>> = {
  square: (_s, [x]) => `${x}**2`,
  sum: (s, [x]) => (s.attrs.axis == null && !s.attrs.keepdim ? `${x}.sum()` : null),
};

/**
 * The graph written as the PyTorch course writes a function to differentiate — tensors with
 * `requires_grad=True`, one line per node, `z.backward()` and `print(x.grad)` — when it has
 * no data, no parameters and a scalar loss: a learner compares it line by line with the
 * course's notebook. Null for any other graph (a training graph is exported as a script
 * with its model, optimizer and loop).
 */
export function exportCourseScript(graph: Graph, title?: string): PytorchExport | null {
  // Parameters or data make a training graph, known before compiling.
  if (graph.nodes.some((n) => n.op === 'parameter' || n.value?.type === 'columns')) return null;
  const { program } = compile(graph);
  if (!program || program.loss === undefined || program.params.length > 0) return null;
  const lossId = program.loss;
  if (program.slot(lossId).value.length !== 1 || program.slot(lossId).shape.length !== 0) return null;
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  if (program.steps.some((s) => s.op.torchModule || s.params.length > 0)) return null;

  const names = pythonNames(program.slots.map((s) => s.id), new Set(['torch']));
  const py = (id: string) => names.get(id) as string;
  const comment = (id: string) => nodeComment(nodes.get(id) as GraphNode);
  const lines: string[] = [
    // The first two lines carry no user text: Python reads a `coding:` declaration there.
    `# The graph in PyTorch, written as the course writes it; GradCanvas computes the same numbers (${program.dtype}).`,
    '# Each line computes one node, named in its comment.',
    `# Graph: ${pyComment(title ?? 'GradCanvas graph')}`,
    'import torch',
    '',
    `torch.set_default_dtype(torch.${program.dtype})`,
    '',
  ];
  const steps = new Map(program.steps.map((s) => [s.slot.id, s]));
  // Each node's line is recorded as it is written.
  const nodeLines = new Map<string, number>();
  for (const s of program.slots) {
    const step = steps.get(s.id);
    const expr = step ? opExpr(step, py) : leafExpr(nodes.get(s.id) as GraphNode, program.value(s.id));
    nodeLines.set(s.id, lines.push(`${py(s.id)} = ${expr}  ${comment(s.id)}`));
  }
  const lossLine = nodeLines.get(lossId) as number;
  const backward = lines.push('', `${py(lossId)}.backward()`);
  for (const s of program.slots) if (s.isLeaf && s.grad) lines.push(`print(${py(s.id)}.grad)`);
  return { code: `${lines.join('\n')}\n`, phaseLines: { zeroGrad: 0, predict: lossLine, loss: lossLine, backward, update: 0 }, nodeLines, sections: [{ part: 'setup', start: 1 }] };
}

/** A leaf as the course makes it: `torch.arange(-2.0, 2.1, 0.25, requires_grad=True)` or `torch.tensor([…])`. */
function leafExpr(node: GraphNode, value: { shape: readonly number[]; data: ArrayLike<number> }): string {
  const grad = node.requiresGrad ? ', requires_grad=True' : '';
  const v = node.value as LeafValue | undefined;
  if (v?.type === 'arange') return `torch.arange(${pyFloat(v.start)}, ${pyFloat(v.end)}, ${pyFloat(v.step)}${grad})`;
  return `torch.tensor(${pyList({ shape: [...value.shape], data: Float64Array.from(value.data) })}${grad})`;
}

/** One op's expression: the course's hand-written form where there is one, else the op's own. */
function opExpr(step: Step, py: (id: string) => string): string {
  const args = step.inputs.map((inp, i) => (inp.source ? py(inp.source.id) : pyFloat(step.x[i][0])));
  return COURSE_FORMS[step.op.name]?.(step, args) ?? step.op.torch(args, step.attrs, pyString);
}

/** `# node "id" (op)`. */
function nodeComment(node: GraphNode): string {
  return `# ${pyComment(`node ${pyString(node.id)} (${node.op})`)}`;
}
