import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCourseTrainingScript } from '../codegen/courseTraining';
import { compile } from '../exec/compile';
import { fileToGraph } from '../format/convert';
import { loadGraphFile } from '../format/load';
import type { GraphFile } from '../format/schema';
import { importPython } from './index';

const T = 'import torch\n';

/** The document's nodes as `id:op{attrs}`, after the script imported without error. */
function nodes(code: string): string[] {
  const r = importPython(code);
  expect(r.error, code).toBeNull();
  return r.file.nodes.map((n) => `${n.id}:${n.op}${n.attrs && Object.keys(n.attrs).length > 0 ? JSON.stringify(n.attrs) : ''}${n.requiresGrad ? ' grad' : ''}`);
}

/** The reason, line and column of a refused script, and its message. */
function refusal(code: string): [string, number, number, string] {
  const r = importPython(code);
  expect(r.error, code).not.toBeNull();
  return [r.error!.reason, r.error!.line, r.error!.col, r.error!.message];
}

function example(name: string): GraphFile {
  const r = loadGraphFile(readFileSync(new URL(`../../public/examples/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.file;
}

/** Forward and backward of an imported document: each node's values, and the gradient of x. */
function run(file: GraphFile): { value: (id: string) => number[]; grad: number[] } {
  const { program } = compile(fileToGraph(file));
  if (!program) throw new Error('the document does not compile');
  program.forward();
  program.backward();
  return { value: (id) => Array.from(program.value(id).data), grad: Array.from(program.grad('x')?.data ?? []) };
}

/** A document without its layout, to compare what two scripts built. */
function content(file: GraphFile): unknown {
  return { ...file, nodes: file.nodes.map(({ position: _p, ...n }) => n) };
}

describe('assigning to several names at once: the values and indices of torch.max(x, dim)', () => {
  const X = `${T}x = torch.tensor([[1.0, 4.0], [3.0, 2.0]], requires_grad=True)\n`;

  it('values, indices = torch.max(x, dim) is max and argmax along dim, named after the names', () => {
    expect(nodes(`${X}values, indices = torch.max(x, 1)\n`)).toEqual(['x:input grad', 'values:max{"axis":1}', 'indices:argmax{"axis":1}']);
    expect(nodes(`${X}(m, i) = x.max(dim=0)\n[n, j] = torch.max(x, 0, keepdim=True)\n`)).toEqual([
      'x:input grad',
      'm:max{"axis":0}',
      'i:argmax{"axis":0}',
      'n:max{"axis":0,"keepdim":true}',
      'j:argmax{"axis":0,"keepdim":true}',
    ]);
  });

  it('_, predicted = torch.max(outputs, 1): the values keep the op\'s name, and both are what .values and .indices give', () => {
    const tuple = importPython(`${X}_, predicted = torch.max(x, 1)\ntop = _.sum()\ntop.backward()\n`);
    const members = importPython(`${X}m = torch.max(x, 1).values\npredicted = torch.max(x, 1).indices\ntop = m.sum()\ntop.backward()\n`);
    expect(tuple.error).toBeNull();
    expect(tuple.file.nodes.map((n) => `${n.id}:${n.op}`)).toEqual(['x:input', 'max:max', 'predicted:argmax', 'top:sum']);
    // The same values and gradient as the .values / .indices form: the row maxima 4 and 3, the classes 1 and 0.
    const [a, b] = [run(tuple.file), run(members.file)];
    expect(a.value('top')).toEqual([7]);
    expect(a.value('predicted')).toEqual([1, 0]);
    expect(a.grad).toEqual([0, 1, 1, 0]);
    expect([b.value('top'), b.value('predicted'), b.grad]).toEqual([a.value('top'), a.value('predicted'), a.grad]);
  });

  it.each([
    ['two numbers', `${X}a, b = 1, 2\n`, 3, 8],
    ['a tensor', `${X}a, b = x\n`, 3, 8],
    ['torch.max without dim (one number)', `${X}a, b = torch.max(x)\n`, 3, 8],
    ['three names', `${X}a, b, c = torch.max(x, 1)\n`, 3, 1],
    ['a starred name', `${X}a, *b = torch.max(x, 1)\n`, 3, 4],
    ['an element', `${X}x[0], b = torch.max(x, 1)\n`, 3, 1],
  ])('refuses %s, at its place, saying what is supported', (_name, code, line, col) => {
    const [reason, l, c, message] = refusal(code);
    expect([reason, l, c]).toEqual(['tupleAssign', line, col]);
    expect(message).toMatch(/values, indices = torch\.max\(x, 1\), or _, predicted = torch\.max\(outputs, 1\)/);
  });

  it('a = b = c stays refused as a statement', () => {
    expect(refusal(`${X}a = b = x\n`).slice(0, 3)).toEqual(['statement', 3, 1]);
  });

  it('in the training loop, _, predicted = torch.max(outputs, 1) measures the accuracy as torch.max(outputs, 1)[1] does', () => {
    const file = example('multiclass-classification');
    const code = exportCourseTrainingScript(fileToGraph(file), file.training)?.code ?? '';
    const indexed = /(predicted\w*) = torch\.max\((\w+), 1\)\[1\]/g;
    expect(code.match(indexed)).toHaveLength(2);
    const tuple = code.replace(indexed, '_, $1 = torch.max($2, 1)');
    expect(tuple).toContain('    _, predicted = torch.max(');
    expect(tuple).toContain('    _, predicted_test = torch.max(');
    const a = importPython(tuple, { datasets: file.datasets });
    const b = importPython(code, { datasets: file.datasets });
    expect(a.error).toBeNull();
    expect(a.file.training.metrics).toEqual({ accuracy: true });
    expect(content(a.file)).toEqual(content(b.file));
  });
});
