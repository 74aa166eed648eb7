import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { formatCount, MAX_FILE_CHARS, MAX_NODES, MAX_TOTAL_ELEMENTS, PAGE_MAX_NODES } from '../limits';
import { fileToGraph } from './convert';
import { formatFileError } from './load';
import { openGraphText, type OpenResult } from './open';

const read = (name: string) => readFileSync(new URL(`../../public/examples/${name}.json`, import.meta.url), 'utf8');
type Doc = Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[]; training: Record<string, unknown> };
const example = (name: string): Doc => JSON.parse(read(name));
const nodeIndex = (doc: Doc, id: string) => doc.nodes.findIndex((n) => n.id === id);

/** Opens a document (text or object), timing it. */
function open(doc: unknown, maxNodes?: number): { r: OpenResult; ms: number } {
  const text = typeof doc === 'string' ? doc : JSON.stringify(doc);
  const t = performance.now();
  const r = openGraphText(text, { maxNodes });
  return { r, ms: performance.now() - t };
}

const errorsOf = (r: OpenResult) => (r.ok ? [] : r.errors.map(formatFileError));
const problemsOf = (r: OpenResult) => (r.ok ? r.problems.map(formatFileError) : []);

describe('openGraphText: the import that blanked the page', () => {
  // Both open, with the problem on the node: the editor can reach these states itself (an
  // attribute edit leaves stale values; any number can be typed), so its own autosave must
  // reopen them, and the node says what to change.
  it('linear params.weight {shape [2,1], data [1,1]} → opens with a shape problem at the weight, no throw', () => {
    const doc = example('linear-regression-module');
    const i = nodeIndex(doc, 'linear');
    (doc.nodes[i].params as Record<string, unknown>).weight = { shape: [2, 1], data: [1, 1] };
    const { r, ms } = open(doc);
    expect(r.ok).toBe(true);
    expect(problemsOf(r)).toEqual([`nodes[${i}].params.weight: linear (linear): weight has shape [2, 1] but its attributes need [1, 1]: reset the parameters or change the attributes`]);
    expect(ms).toBeLessThan(1000);
    if (r.ok) expect(() => compile(fileToGraph(r.file), { partial: true })).not.toThrow();
  });

  it('linear(100000, 100000) → opens with a size problem at its attributes, in well under a second', () => {
    const doc = example('linear-regression-module');
    const i = nodeIndex(doc, 'linear');
    doc.nodes[i] = { ...doc.nodes[i], attrs: { inFeatures: 100_000, outFeatures: 100_000 } };
    delete doc.nodes[i].params;
    const { r, ms } = open(doc);
    expect(r.ok).toBe(true);
    expect(problemsOf(r)).toContain(
      `nodes[${i}].attrs: linear (linear): its weight [100000, 100000] would have 10,000,000,000 elements, which exceeds the limit of 4,000,000 elements`,
    );
    expect(ms).toBeLessThan(1000);
  });

  it('linear(100000, 100000) fed an x that fits → the same size problem, nothing allocated', () => {
    const doc = example('linear-regression-module');
    const i = nodeIndex(doc, 'linear');
    doc.nodes[i] = { ...doc.nodes[i], attrs: { inFeatures: 100_000, outFeatures: 100_000 } };
    delete doc.nodes[i].params;
    doc.nodes[nodeIndex(doc, 'X')] = { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'tensor', shape: [1, 100_000], data: new Array(100_000).fill(0) } };
    doc.edges = doc.edges.filter((e) => e.target !== 'X');
    const { r, ms } = open(doc);
    expect(problemsOf(r).some((p) => p.startsWith(`nodes[${i}].attrs: `) && p.includes('10,000,000,000 elements'))).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
});

describe('openGraphText: limits, refused before anything is allocated', () => {
  it('arange(0, 1, 1e-9) → a problem at the value naming 1,000,000,000 elements, in milliseconds', () => {
    const doc = example('composite-function');
    doc.nodes[0].value = { type: 'arange', start: 0, end: 1, step: 1e-9 };
    const { r, ms } = open(doc);
    expect(problemsOf(r)).toEqual(['nodes[0].value: x: arange(0, 1, 1e-9) would have 1,000,000,000 elements, which exceeds the limit of 4,000,000 elements']);
    expect(ms).toBeLessThan(100);
  });

  it('a parameter declared with shape [50000000] → a problem at its shape, in milliseconds', () => {
    const doc = example('linear-regression-by-hand');
    const i = nodeIndex(doc, 'W');
    doc.nodes[i].shape = [50_000_000];
    delete doc.nodes[i].params;
    const { r, ms } = open(doc);
    expect(problemsOf(r)).toContain(`nodes[${i}].shape: W: the parameter [50000000] would have 50,000,000 elements, which exceeds the limit of 4,000,000 elements`);
    expect(ms).toBeLessThan(100);
  });

  it('five 4,000,000-element ranges → one problem for the whole program (20,000,000 > 16,000,000), no program built', () => {
    const doc = example('composite-function');
    doc.nodes = [0, 1, 2, 3, 4].map((k) => ({ id: `r${k}`, op: 'input', position: { x: 0, y: k * 100 }, value: { type: 'arange', start: 0, end: 4_000_000, step: 1 } }));
    doc.edges = [];
    doc.loss = null;
    const { r, ms } = open(doc);
    expect(problemsOf(r)).toEqual(['the graph would hold 20,000,000 numbers in all (values, gradients, working buffers and data), which exceeds the limit of 16,000,000 elements']);
    expect(ms).toBeLessThan(500);
    if (r.ok) expect(compile(fileToGraph(r.file), { partial: true }).program).toBeNull();
  });

  it('a text longer than MAX_FILE_CHARS → refused before parsing, path empty', () => {
    const { r, ms } = open(' '.repeat(MAX_FILE_CHARS + 1));
    expect(errorsOf(r)).toEqual(['the file has 67,108,865 characters, which exceeds the limit of 67,108,864 characters']);
    expect(ms).toBeLessThan(100);
  });

  it.each([33, 5_000, 200_000])('%d-deep nesting → refused by a scan before JSON.parse, no stack overflow', (depth) => {
    const { r, ms } = open(`{"format": "gradcanvas-graph", "version": ${'['.repeat(depth)}1${']'.repeat(depth)}}`);
    expect(errorsOf(r)).toEqual(['the file nests lists and objects deeper than the limit of 32 levels (line 1); a graph file needs 6']);
    expect(ms).toBeLessThan(200);
  });

  it('a text of more values than a program may hold → refused by the scan before JSON.parse builds them, path empty', () => {
    const values = MAX_TOTAL_ELEMENTS + 2;
    const text = `{"format": "gradcanvas-graph", "version": 1, "junk": [${'0,'.repeat(values - 1)}0]}`;
    const { r, ms } = open(text);
    // The list's values and the object's three fields.
    expect(errorsOf(r)).toEqual([`the file's lists and objects hold at least ${formatCount(values + 2)} entries in all, which exceeds the limit of 16,000,000 elements`]);
    // JSON.parse alone of this text takes longer than the scan.
    expect(ms).toBeLessThan(1000);
  });

  it('commas inside strings do not count as values', () => {
    const doc = example('composite-function');
    doc.description = ','.repeat(5000);
    expect(open(doc).r.ok).toBe(true);
  });

  it('brackets inside strings do not count as nesting', () => {
    const doc = example('composite-function');
    doc.description = `${'[{'.repeat(100)} \\" ]]`;
    expect(open(doc).r.ok).toBe(true);
  });

  it('more nodes than the page opens → refused at nodes, naming the page limit and the CLI one; the CLI limit takes them', () => {
    const doc = example('composite-function');
    doc.nodes = Array.from({ length: PAGE_MAX_NODES + 1 }, (_, k) => ({ id: `n${k}`, op: 'neg', position: { x: 0, y: 0 } }));
    doc.edges = [];
    doc.loss = null;
    expect(errorsOf(open(doc, PAGE_MAX_NODES).r)).toEqual([
      `nodes: the graph has 10,001 nodes, which exceeds the limit of 10,000 nodes the page opens; the command line (npm run cli) opens up to 200,000`,
    ]);
    expect(open(doc).r.ok).toBe(true);
    expect(MAX_NODES).toBeGreaterThan(PAGE_MAX_NODES);
  });

  it('a 10,000-node chain opens in the page with no problems, and compiles', () => {
    const doc = example('composite-function');
    doc.nodes = [doc.nodes[0], ...Array.from({ length: PAGE_MAX_NODES - 1 }, (_, k) => ({ id: `n${k}`, op: 'neg', position: { x: k, y: 0 } }))];
    doc.edges = doc.nodes.slice(1).map((n, k) => ({ source: doc.nodes[k].id, target: n.id, targetPort: 'x' }));
    doc.loss = null;
    const { r, ms } = open(doc, PAGE_MAX_NODES);
    expect(r.ok && r.problems).toEqual([]);
    expect(ms).toBeLessThan(5000);
    if (r.ok) expect(compile(fileToGraph(r.file)).program?.steps).toHaveLength(PAGE_MAX_NODES - 1);
  });

  it('a 100,000-row dataset of 30 columns opens, compiles and evaluates its loss', () => {
    const doc = example('linear-regression-module');
    const columns = Array.from({ length: 30 }, (_, j) => `c${j}`);
    const rows = Array.from({ length: 100_000 }, (_, r) => columns.map((_, j) => (r * 31 + j) % 97));
    doc.datasets = { big: { columns, rows } };
    doc.nodes = [
      { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'big', columns: columns.slice(0, 29) } },
      { id: 'Y', op: 'input', position: { x: 0, y: 200 }, value: { type: 'columns', dataset: 'big', columns: ['c29'] } },
      { id: 'linear', op: 'linear', position: { x: 200, y: 0 }, attrs: { inFeatures: 29, outFeatures: 1 }, init: { type: 'default', seed: 0 } },
      { id: 'loss', op: 'mse', position: { x: 400, y: 0 } },
    ];
    doc.edges = [
      { source: 'X', target: 'linear', targetPort: 'x' },
      { source: 'linear', target: 'loss', targetPort: 'input' },
      { source: 'Y', target: 'loss', targetPort: 'target' },
    ];
    doc.loss = 'loss';
    const { r } = open(doc, PAGE_MAX_NODES);
    expect(r.ok && r.problems).toEqual([]);
    if (!r.ok) return;
    const program = compile(fileToGraph(r.file)).program;
    program?.forward();
    expect(Number.isFinite(program?.lossValue())).toBe(true);
  });

  it('lists that together hold more than a program may → refused for the whole file, before the schema reads them', () => {
    const doc = example('composite-function');
    const data = `[${'0,'.repeat(3_399_999)}0]`;
    const inputs = [0, 1, 2, 3, 4].map((k) => `{"id":"t${k}","op":"input","position":{"x":0,"y":0},"value":{"type":"tensor","shape":[3400000],"data":${data}}}`);
    const { r, ms } = open(JSON.stringify(doc).replace('"nodes":[', `"nodes":[${inputs.join(',')},`));
    expect(errorsOf(r)).toEqual([expect.stringMatching(/^the file's lists and objects hold at least 1\d,\d{3},\d{3} entries in all, which exceeds the limit of 16,000,000 elements$/)]);
    expect(ms).toBeLessThan(3000);
  });

  it('a list longer than one tensor may be → refused at its path before the schema reads it', () => {
    const doc = example('composite-function');
    const text = JSON.stringify(doc).replace('"nodes":[', `"nodes":[{"id":"big","op":"input","position":{"x":0,"y":0},"value":{"type":"tensor","shape":[4000001],"data":[${'0,'.repeat(4_000_000)}0]}},`);
    const { r, ms } = open(text);
    expect(errorsOf(r)).toEqual(['nodes[0].value.data: holds 4,000,001 entries, which exceeds the limit of 4,000,000 elements']);
    expect(ms).toBeLessThan(2000);
  });
});

describe('openGraphText: names, fields and messages', () => {
  it('a byte order mark before the JSON is read past', () => {
    expect(open(`\uFEFF${read('composite-function')}`).r.ok).toBe(true);
  });

  it('__proto__ and constructor as dataset names are both refused with their path', () => {
    for (const name of ['__proto__', 'constructor']) {
      const text = read('linear-regression-module').replace('"people": {', `"${name}": {`);
      expect(errorsOf(open(text).r)).toEqual([`datasets.${name}: '${name}' is a reserved name in GradCanvas files (JavaScript gives it a special meaning); choose another name`]);
    }
  });

  it('a dataset named toString is a name like any other: it opens and its columns bind', () => {
    const text = read('linear-regression-module').replaceAll('"people"', '"toString"');
    const { r } = open(text);
    expect(r.ok && r.problems).toEqual([]);
    if (!r.ok) return;
    const program = compile(fileToGraph(r.file)).program;
    program?.forward();
    expect(program?.value('height').shape).toEqual([5, 1]);
  });

  it('a column bound from a dataset named toString that is not there → a plain problem, no JavaScript text', () => {
    const doc = example('composite-function');
    doc.nodes[0].value = { type: 'columns', dataset: 'toString', columns: ['a'] };
    expect(problemsOf(open(doc).r)).toEqual(["nodes[0].value: x: dataset 'toString' is not loaded"]);
  });

  it('a version nested 40 deep or 1,000,000 characters long is echoed in a few words', () => {
    const doc = example('composite-function');
    expect(errorsOf(open({ ...doc, version: 'v'.repeat(1_000_000) }).r)).toEqual([`version: must be a whole number from 1, got '${'v'.repeat(40)}…'`]);
    expect(errorsOf(open({ ...doc, version: [[[[1]]]] }).r)).toEqual(['version: must be a whole number from 1, got a list']);
  });

  it.each([
    ['parameter', 'W', 'value', { type: 'tensor', shape: [], data: [3] }],
    ['input', 'height', 'shape', [5]],
    ['input', 'height', 'params', { value: { shape: [], data: [1] } }],
    ['input', 'height', 'attrs', { k: 1 }],
    ['mean', 'height_mean', 'requiresGrad', true],
    ['sub', 'X', 'init', { type: 'constant', value: 1 }],
  ])('a %s node with a %s field (%s) → refused at the field', (op, id, field, value) => {
    const doc = example('linear-regression-by-hand');
    const i = nodeIndex(doc, id as string);
    doc.nodes[i][field as string] = value;
    const errors = errorsOf(open(doc).r);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^nodes\\[${i}\\]\\.${field}: '${field}' does not belong to an? ${op} node \\(its fields are id, op, label, position`));
  });

  it('a parameter name the op does not own → refused at that name', () => {
    const doc = example('linear-regression-module');
    const i = nodeIndex(doc, 'linear');
    (doc.nodes[i].params as Record<string, unknown>).wieght = { shape: [1, 1], data: [1] };
    expect(errorsOf(open(doc).r)).toEqual([`nodes[${i}].params.wieght: linear has no parameter 'wieght' (it has 'weight' and 'bias')`]);
  });

  it('an unknown field at the top names itself as the path', () => {
    expect(errorsOf(open({ ...example('composite-function'), extra: 1 }).r)).toEqual(['extra: unknown field']);
  });
});

describe('openGraphText: saved optimizer state and settings', () => {
  const withState = (state: Record<string, unknown>[], optimizer?: Record<string, unknown>) => {
    const doc = example('linear-regression-module');
    doc.optimizerState = state;
    if (optimizer) doc.training.optimizer = optimizer;
    return errorsOf(open(doc).r);
  };

  it('a momentum buffer or Adam moment of the wrong length → refused at it, naming both counts', () => {
    expect(withState([{ node: 'linear', name: 'weight', momentumBuffer: [1, 2] }])).toEqual(['optimizerState[0].momentumBuffer: has 2 values but linear.weight has 1 element']);
    expect(withState([{ node: 'linear', name: 'bias', step: 1, expAvg: [], expAvgSq: [0] }], { type: 'adam', lr: 0.1 })).toEqual([
      'optimizerState[0].expAvg: has 0 values but linear.bias has 1 element',
    ]);
  });

  it('a negative second moment → refused at the value; NaN from a diverged run is kept', () => {
    expect(withState([{ node: 'linear', name: 'bias', step: 1, expAvg: [0], expAvgSq: [-1] }], { type: 'adam', lr: 0.1 })).toEqual([
      'optimizerState[0].expAvgSq[0]: cannot be negative: it is a mean of squared gradients',
    ]);
    expect(withState([{ node: 'linear', name: 'bias', step: 1, expAvg: [0], expAvgSq: ['NaN'] }], { type: 'adam', lr: 0.1 })).toEqual([]);
  });

  it('state of a missing node or parameter → refused at node or name', () => {
    expect(withState([{ node: 'ghost', name: 'weight' }])).toEqual(["optimizerState[0].node: no node has the id 'ghost'"]);
    expect(withState([{ node: 'linear', name: 'toString' }])).toEqual(["optimizerState[0].name: linear has no parameter 'toString'"]);
    expect(withState([{ node: 'loss', name: 'value' }])).toEqual(["optimizerState[0].node: 'loss' is a mse node, which has no parameters"]);
  });

  it.each([
    [{ type: 'sgd', lr: 0.1, nesterov: true }],
    [{ type: 'sgd', lr: 0.1, nesterov: true, momentum: 0 }],
    [{ type: 'sgd', lr: 0.1, nesterov: true, momentum: 0.9, dampening: 0.1 }],
  ])('nesterov without momentum or with dampening (%j) → refused as torch.optim.SGD does', (optimizer) => {
    expect(withState([], optimizer)).toEqual(['training.optimizer.nesterov: Nesterov momentum needs a momentum above 0 and a dampening of 0 (as torch.optim.SGD)']);
  });

  it('nesterov with momentum 0.9 and no dampening opens', () => {
    expect(withState([], { type: 'sgd', lr: 0.1, nesterov: true, momentum: 0.9 })).toEqual([]);
  });
});
