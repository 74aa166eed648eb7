import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { fileToGraph } from './convert';
import { formatFileError, loadGraphFile } from './load';
import { migrateForward } from './migrate';
import { serializeGraphFile } from './save';
import type { GraphFile } from './schema';

const examplesDir = new URL('../../public/examples/', import.meta.url);
const exampleNames = readdirSync(examplesDir).filter((f) => f.endsWith('.json') && f !== 'index.json');
const read = (name: string) => readFileSync(new URL(name, examplesDir), 'utf8');
const composite = (): Record<string, unknown> => JSON.parse(read('composite-function.json'));

/** Loads a document and returns its errors as `path: message` lines. */
function errorsOf(doc: unknown): string[] {
  const r = loadGraphFile(typeof doc === 'string' ? doc : JSON.stringify(doc));
  return r.ok ? [] : r.errors.map(formatFileError);
}

describe('loadGraphFile', () => {
  it.each(exampleNames)('loads the shipped example %s, and saving it gives the same bytes', (name) => {
    const text = read(name);
    const r = loadGraphFile(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(serializeGraphFile(r.file)).toBe(text);
  });

  it('loads the frozen version-1 fixture', () => {
    const r = loadGraphFile(readFileSync(new URL('fixtures/v1-linear-regression-module.json', import.meta.url), 'utf8'));
    expect(r.ok).toBe(true);
  });

  it('round-trips parameter values exactly, including NaN and infinities', () => {
    const doc = JSON.parse(read('linear-regression-module.json')) as GraphFile;
    const tricky = [0.1 + 0.2, 1e-300, -123456.789e100, 5e-324];
    const node = doc.nodes.find((n) => n.id === 'linear');
    if (!node?.params) throw new Error('fixture changed');
    node.params.weight = { shape: [1, 1], data: [tricky[0]] };
    node.params.bias = { shape: [1], data: ['NaN'] };
    const text = serializeGraphFile(doc);
    const r = loadGraphFile(text, { checkGraph: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(serializeGraphFile(r.file)).toBe(text);
    const g = fileToGraph(r.file);
    expect(g.nodes.find((n) => n.id === 'linear')?.params?.weight.data[0]).toBe(0.30000000000000004);
    expect(Number.isNaN(g.nodes.find((n) => n.id === 'linear')?.params?.bias.data[0])).toBe(true);
    for (const v of tricky) expect(JSON.parse(serializeGraphFile({ ...doc, nodes: [{ ...node, params: { weight: { shape: [], data: [v] } } }] })).nodes[0].params.weight.data[0]).toBe(v);
  });

  describe('a broken document gives the path and the reason', () => {
    const cases: [string, (d: Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] }) => unknown, RegExp][] = [
      ['bad JSON', () => '{"format": "gradcanvas-graph", ', /^not valid JSON/],
      ['NaN text', () => read('composite-function.json').replace('"k": 2', '"k": NaN'), /^not valid JSON/],
      ['not an object', () => [1, 2], /must be a JSON object/],
      ['wrong format', (d) => ({ ...d, format: 'something-else' }), /^format: must be "gradcanvas-graph"/],
      ['newer version', (d) => ({ ...d, version: 99 }), /^version: version 99 is newer/],
      ['version text', (d) => ({ ...d, version: 'one' }), /^version: must be a whole number/],
      ['wrong type', (d) => ({ ...d, nodes: 'none' }), /^nodes: expected array, received string/],
      ['unknown op', (d) => (d.nodes[1].op = 'sqaure', d), /^nodes\[1\]\.op: unknown op 'sqaure'/],
      ['missing id', (d) => (delete d.nodes[2].id, d), /^nodes\[2\]\.id: expected string/],
      ['unknown field', (d) => (d.nodes[0].colour = 'red', d), /^nodes\[0\]\.colour: unknown field$/],
      ['duplicate ids', (d) => (d.nodes[3].id = 'x', d), /^nodes\[3\]\.id: duplicate id 'x' \(also nodes\[0\]\)/],
      ['dangling edge', (d) => (d.edges[1].source = 'ghost', d), /^edges\[1\]\.source: no node has the id 'ghost'/],
      ['unknown loss', (d) => ({ ...d, loss: 'nope' }), /^loss: no node has the id 'nope'/],
      ['cycle', (d) => (d.edges.push({ source: 'z', target: 'y', targetPort: 'b' }), d), /^nodes\[\d\]: the graph has a cycle: /],
      ['port fed twice', (d) => (d.edges.push({ source: 'x', target: 'square', targetPort: 'x' }), d), /^edges\[4\]\.targetPort: square\.x is fed by both 'x' and 'x'/],
      ['unknown port', (d) => (d.edges[0].targetPort = 'input', d), /^edges\[0\]\.targetPort: square \(square\) has no input port 'input'/],
      ['shape mismatch', (d) => (d.nodes.push({ id: 'v', op: 'input', position: { x: 0, y: 0 }, value: { type: 'tensor', shape: [3], data: [1, 2, 3] } }), d.edges.push({ source: 'v', target: 'y', targetPort: 'b' }), d), /^nodes\[3\]: y \(add\): shapes \[17\] and \[3\] cannot be broadcast together/],
      ['bad attribute', (d) => (d.nodes[2].attrs = { k: 'two' }, d), /^nodes\[2\]\.attrs\.k: scale\.k must be a finite number|^nodes\[2\]\.attrs\.k: .*must be a finite number/],
      ['huge number', () => read('composite-function.json').replace('"k": 2', '"k": 1e999'), /^nodes\[2\]\.attrs\.k: .*(finite|expected)/],
      ['tensor of the wrong length', (d) => (d.nodes[0].value = { type: 'tensor', shape: [2, 2], data: [1, 2, 3] }, d), /^nodes\[0\]\.value\.data: shape \[2, 2\] needs 4 values, got 3/],
      ['negative epochs', (d) => ((d.training as { epochs: number }).epochs = -1, d), /^training\.epochs: epochs cannot be negative/],
      ['zero learning rate', (d) => ((d.training as { optimizer: { lr: number } }).optimizer.lr = 0, d), /^training\.optimizer\.lr: must be greater than 0/],
      ['ragged dataset row', (d) => ({ ...d, datasets: { t: { columns: ['a', 'b'], rows: [[1, 2], [3]] } } }), /^datasets\.t\.rows\[1\]: has 1 values but there are 2 columns/],
      ['missing dataset', (d) => (d.nodes[0].value = { type: 'columns', dataset: 'nope', columns: ['a'] }, d), /^nodes\[0\]\.value: x: dataset 'nope' is not loaded/],
    ];
    it.each(cases)('%s', (_name, mutate, expected) => {
      const errors = errorsOf(mutate(composite() as never));
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.some((e) => expected.test(e)), errors.join('\n')).toBe(true);
    });
  });

  it('thousands of random mutations of valid files never throw and never yield a half-built graph', () => {
    const docs = exampleNames.map((n) => JSON.parse(read(n)) as unknown);
    const leafValues = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 6 }), fc.constant([]), fc.constant({}), fc.constant('NaN'));
    fc.assert(
      fc.property(fc.nat(docs.length - 1), fc.array(fc.tuple(fc.nat(), fc.nat(), leafValues, fc.boolean()), { minLength: 1, maxLength: 4 }), (which, edits) => {
        const doc = structuredClone(docs[which]);
        for (const [a, b, value, remove] of edits) mutateAt(doc, a, b, value, remove);
        const r = loadGraphFile(JSON.stringify(doc));
        if (r.ok) {
          const compiled = compile(fileToGraph(r.file));
          expect(compiled.problems.filter((p) => p.severity === 'error')).toEqual([]);
          expect(compiled.program).not.toBeNull();
        } else {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(typeof e.message).toBe('string');
        }
      }),
      { numRuns: 2000, seed: 20261127 },
    );
  });
});

/** Replaces or deletes one value somewhere in a JSON document, chosen by two numbers. */
function mutateAt(doc: unknown, a: number, b: number, value: unknown, remove: boolean): void {
  const containers: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        containers.push([v, i]);
        walk(x);
      });
    }
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        containers.push([v as Record<string, unknown>, k]);
        walk(x);
      }
    }
  };
  walk(doc);
  if (containers.length === 0) return;
  const [parent, key] = containers[(a * 7919 + b) % containers.length];
  if (remove && !Array.isArray(parent)) delete parent[key as string];
  else (parent as Record<string | number, unknown>)[key] = value;
}

describe('migrateForward', () => {
  const v1 = () => ({ format: 'gradcanvas-graph', version: 1, nodes: [] });
  it('applies each step in order up to the target version', () => {
    const r = migrateForward(v1(), [{ from: 1, migrate: (d) => ({ ...d, renamed: true }) }], 2);
    expect(r).toEqual({ doc: { format: 'gradcanvas-graph', version: 2, nodes: [], renamed: true } });
  });
  it('says which step is missing', () => {
    expect(migrateForward(v1(), [], 2)).toEqual({ error: { path: 'version', message: 'no migration from version 1', reason: 'file.no_migration', params: { version: 1 } } });
  });
});
