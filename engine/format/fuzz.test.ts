import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../exec/compile';
import { PAGE_MAX_NODES } from '../limits';
import { seededRandom, type Random } from '../tensor/random';
import { fileToGraph } from './convert';
import { openGraphText } from './open';
import { serializeGraphFile } from './save';

// Mutated documents through openGraphText, the one way the page, share links, autosave and
// the CLI open a file: it must never throw, refuse with a path, and whatever it accepts
// must compile without throwing and reopen from its own saved text.

const examplesDir = new URL('../../public/examples/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json') && f !== 'index.json')
  .map((f) => readFileSync(new URL(f, examplesDir), 'utf8'));

/** Messages about the whole text, the only errors allowed an empty path. */
const WHOLE_TEXT = [/^not valid JSON/, /^a graph file must be/, /^the file has [\d,]+ characters/, /^the file nests/, /^the file's lists and objects hold/, /^and \d+ more errors$/, /^the file could not be opened/];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const pick = <T,>(rand: Random, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

/** Names that have broken JavaScript programs before: prototype members, empty, long. */
const NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', 'x', 'weight', 'value', 'shape', 'params', 'attrs', 'colour', 'n'.repeat(300)];

/** A value meant to break what reads it: wrong types, extreme numbers, huge or deep shapes. */
function nasty(rand: Random): Json {
  switch (Math.floor(rand() * 16)) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return pick(rand, [0, -0, -1, 1.5, 1e308, -1e308, 5e-324, 2 ** 31, 2 ** 53 + 1, 1e9, 100000]);
    case 3:
      return pick(rand, NAMES);
    case 4:
      return 'z'.repeat(Math.floor(rand() * 20000));
    case 5:
      return [];
    case 6:
      return {};
    case 7:
      return Array.from({ length: Math.floor(rand() * 4) + 1 }, () => pick(rand, [-1, 0, 1, 2, 3, 1e9, 1.5, 100000]));
    case 8:
      return { shape: nasty(rand), data: nasty(rand) };
    case 9:
      return { type: pick(rand, ['tensor', 'arange', 'columns', 'constant', 'default', 'sgd', 'adam', 'nope']), start: 0, end: pick(rand, [1, 1e9, -1, 1e308]), step: pick(rand, [1e-9, 1, -1, 0, 1e-300]) };
    case 10:
      return pick(rand, ['NaN', 'Infinity', '-Infinity']);
    case 11: {
      let v: Json = 1;
      for (let d = Math.floor(rand() * 60); d > 0; d--) v = [v];
      return v;
    }
    case 12:
      return new Array(Math.floor(rand() * 5000)).fill(1);
    case 13:
      return pick(rand, ['input', 'parameter', 'constant', 'linear', 'square', 'add', 'mse', 'cross_entropy', 'sum']);
    case 14:
      return { [pick(rand, NAMES)]: nasty(rand) };
    default:
      return Math.floor(rand() * 10);
  }
}

/** A value of the same type as the old one, so the document stays well-formed more often and reaches compile. */
function plausible(rand: Random, old: Json): Json {
  if (typeof old === 'number') return pick(rand, [0, 1, 2, 3, -1, 0.5, 17, old * 2, old + 1, 1000]);
  if (typeof old === 'string') return pick(rand, ['x', 'a', 'b', 'loss', 'y', 'input', 'target', old, `${old}_2`]);
  if (typeof old === 'boolean') return !old;
  if (Array.isArray(old)) return old.length > 0 && rand() < 0.5 ? old.slice(1) : [...old, ...old.slice(0, 1)];
  return old;
}

/** Every container in a document with the keys to reach into it. */
function containers(doc: Json): { parent: Json[] | { [key: string]: Json }; key: string | number }[] {
  const out: { parent: Json[] | { [key: string]: Json }; key: string | number }[] = [];
  const stack: Json[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop() as Json;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push({ parent: v, key: i });
        stack.push(x);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push({ parent: v, key: k });
        stack.push(v[k]);
      }
    }
  }
  return out;
}

type Obj = { [key: string]: Json };
type Doc = Obj;

/** The objects of a list field, whatever earlier mutations left there. */
function objectsIn(doc: Doc, field: string): Obj[] {
  const v = doc[field];
  return Array.isArray(v) ? v.filter((x): x is Obj => x !== null && typeof x === 'object' && !Array.isArray(x)) : [];
}

/** One structural mutation of a parsed document. */
function mutateDoc(doc: Doc, rand: Random): void {
  const spots = containers(doc);
  if (spots.length === 0) return;
  const spot = pick(rand, spots);
  const nodes = objectsIn(doc, 'nodes');
  const edges = objectsIn(doc, 'edges');
  const node = nodes.length > 0 ? pick(rand, nodes) : undefined;
  switch (Math.floor(rand() * 12)) {
    case 0: // replace any value, by a nasty one or one of the same type
      {
        const old = (spot.parent as Record<string | number, Json>)[spot.key];
        (spot.parent as Record<string | number, Json>)[spot.key] = rand() < 0.5 ? nasty(rand) : plausible(rand, old);
      }
      break;
    case 1: // delete a key (or an array element)
      if (Array.isArray(spot.parent)) spot.parent.splice(spot.key as number, 1);
      else delete spot.parent[spot.key as string];
      break;
    case 2: // insert a key into some object
      if (!Array.isArray(spot.parent)) Object.defineProperty(spot.parent, pick(rand, NAMES), { value: nasty(rand), enumerable: true, configurable: true, writable: true });
      break;
    case 3: // swap a number and a string
      {
        const v = (spot.parent as Record<string | number, Json>)[spot.key];
        (spot.parent as Record<string | number, Json>)[spot.key] = typeof v === 'number' ? String(v) : typeof v === 'string' ? Number(v.length) : v;
      }
      break;
    case 4: // a duplicate id
      if (node && nodes.length > 1) node.id = nodes[0].id;
      break;
    case 5: // an unknown or reused port
      if (edges.length > 0) pick(rand, edges).targetPort = pick(rand, ['x', 'a', 'b', 'input', 'target', 'zz', '__proto__', 'toString']);
      break;
    case 6: // wrong shapes for params, huge layers
      if (node) {
        node.params = { [pick(rand, ['weight', 'bias', 'value', 'toString'])]: { shape: nasty(rand), data: [1, 1] } };
        if (rand() < 0.5) node.attrs = { inFeatures: pick(rand, [1, 2, 100000, 0, -1, 1.5]), outFeatures: pick(rand, [1, 100000, 1e9]) };
      }
      break;
    case 7: // negative, fractional or huge sizes
      if (node) node.shape = Array.from({ length: Math.floor(rand() * 6) }, () => pick(rand, [-1, 0, 1, 1.5, 1e9, 50_000_000, 2 ** 31]));
      break;
    case 8: // a field of another kind of node
      if (node) node[pick(rand, ['value', 'shape', 'init', 'params', 'requiresGrad', 'attrs'])] = nasty(rand);
      break;
    case 9: // a duplicated or removed node
      if (Array.isArray(doc.nodes) && node && rand() < 0.5) doc.nodes.push(structuredClone(node));
      else if (Array.isArray(doc.nodes) && doc.nodes.length > 0) doc.nodes.splice(Math.floor(rand() * doc.nodes.length), 1);
      break;
    case 10: // a new wire, possibly closing a cycle
      if (Array.isArray(doc.edges) && nodes.length > 1) doc.edges.push({ source: pick(rand, nodes).id, target: pick(rand, nodes).id, targetPort: pick(rand, ['x', 'a', 'b', 'input', 'target']) });
      break;
    default: // optimizer state and settings
      doc.optimizerState = [{ node: node?.id ?? 'n', name: pick(rand, ['value', 'weight', 'bias', 'toString']), [pick(rand, ['momentumBuffer', 'expAvg', 'expAvgSq'])]: nasty(rand) }];
      if (rand() < 0.5 && doc.training !== null && typeof doc.training === 'object' && !Array.isArray(doc.training)) doc.training.optimizer = { type: 'sgd', lr: 0.1, nesterov: true, momentum: pick(rand, [0, 0.9]), dampening: pick(rand, [0, 0.5]) };
      break;
  }
}

const OPS = ['square', 'scale', 'add', 'sum', 'linear', 'mse', 'sub', 'mul', 'div', 'neg', 'pow', 'exp', 'log', 'mean', 'matmul', 'sigmoid', 'tanh', 'relu', 'softmax', 'max', 'bce', 'bce_with_logits', 'cross_entropy'];

/** A small random tensor value, well-formed, of rank 0 to 3. */
function smallValue(rand: Random): Json {
  if (rand() < 0.3) return { type: 'arange', start: pick(rand, [-2, 0, 1]), end: pick(rand, [2, 3, 5.5]), step: pick(rand, [0.5, 1, 0.25]) };
  const shape = Array.from({ length: Math.floor(rand() * 4) }, () => 1 + Math.floor(rand() * 3));
  const n = shape.reduce((a, b) => a * b, 1);
  return { type: 'tensor', shape, data: Array.from({ length: n }, () => Math.round(rand() * 8 - 4)) };
}

/** One well-formed change to the graph itself, so the document loads and compile meets odd but legal graphs. */
function mutateGraph(doc: Doc, rand: Random): void {
  const nodes = objectsIn(doc, 'nodes');
  const edges = objectsIn(doc, 'edges');
  if (nodes.length === 0) return;
  const node = pick(rand, nodes);
  switch (Math.floor(rand() * 7)) {
    case 0: // another op, keeping the wires
      if (!['input', 'parameter', 'constant'].includes(String(node.op))) {
        node.op = pick(rand, OPS);
        delete node.attrs;
        delete node.params;
        delete node.init;
      }
      break;
    case 1: // odd but typed attributes
      if (!['input', 'parameter', 'constant'].includes(String(node.op))) {
        const op = String(node.op);
        const attrs: Obj = {};
        if (op === 'linear') Object.assign(attrs, { inFeatures: pick(rand, [1, 2, 3, 100000]), outFeatures: pick(rand, [1, 2, 3, 100000]) });
        else if (op === 'sum' || op === 'mean') Object.assign(attrs, { axis: pick(rand, [null, -2, -1, 0, 1, 2, 5]), keepdim: rand() < 0.5 });
        else if (op === 'softmax') attrs.axis = pick(rand, [-1, 0, 1, 3]);
        else if (op === 'pow') attrs.p = pick(rand, [-1, 0.5, 2, 3]);
        else if (op === 'scale') attrs.k = pick(rand, [0, -2, 1e300]);
        else if (['add', 'sub', 'mul', 'div'].includes(op)) attrs.c = pick(rand, [0, 1, -3]);
        node.attrs = attrs;
      }
      break;
    case 2: // a new input value
      if (node.op === 'input' || node.op === 'constant') node.value = smallValue(rand);
      break;
    case 3: // a new parameter shape, with or without values
      if (node.op === 'parameter') {
        node.shape = Array.from({ length: Math.floor(rand() * 3) }, () => 1 + Math.floor(rand() * 3));
        if (rand() < 0.5) delete node.params;
      }
      break;
    case 4: // rewire an input port
      if (edges.length > 0) pick(rand, edges).source = pick(rand, nodes).id;
      break;
    case 5: // drop a wire
      if (Array.isArray(doc.edges) && doc.edges.length > 0) doc.edges.splice(Math.floor(rand() * doc.edges.length), 1);
      break;
    default: // another loss
      doc.loss = rand() < 0.2 ? null : pick(rand, nodes).id;
      break;
  }
}

/** One text-level mutation: truncation, stray characters, a byte order mark, deep wrapping. */
function mutateText(text: string, rand: Random): string {
  switch (Math.floor(rand() * 5)) {
    case 0:
      return text.slice(0, Math.floor(rand() * text.length));
    case 1: {
      const at = Math.floor(rand() * text.length);
      return text.slice(0, at) + pick(rand, ['{', '}', '[', ']', '"', ',', ':', '\\', 'NaN', '\u0000', '\uD800']) + text.slice(at);
    }
    case 2:
      return `\uFEFF${text}`;
    case 3: {
      const depth = pick(rand, [33, 5000, 200_000]);
      return `${'['.repeat(depth)}${text}${']'.repeat(depth)}`;
    }
    default:
      return text.replace(/"version": 1/, `"version": ${'['.repeat(40)}1${']'.repeat(40)}`);
  }
}

describe('openGraphText under fuzzing', () => {
  it('10,000 mutated documents → no exception, every refusal has paths, every acceptance compiles and round-trips', () => {
    const rand = seededRandom(20_261_201);
    const counts = { total: 0, accepted: 0, rejected: 0, withProblems: 0, textMutations: 0 };
    const failures: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const doc = JSON.parse(pick(rand, examples)) as Doc;
      const mild = rand() < 0.4;
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) (mild ? mutateGraph : mutateDoc)(doc, rand);
      let text = JSON.stringify(doc);
      if (rand() < 0.15) {
        text = mutateText(text, rand);
        counts.textMutations++;
      }
      counts.total++;
      let r;
      try {
        r = openGraphText(text, { maxNodes: PAGE_MAX_NODES });
      } catch (e) {
        failures.push(`#${i} threw ${String(e)}`);
        continue;
      }
      if (!r.ok) {
        counts.rejected++;
        if (r.errors.length === 0) failures.push(`#${i} refused without an error`);
        for (const e of r.errors) {
          if (typeof e.path !== 'string' || typeof e.message !== 'string' || e.message.length === 0) failures.push(`#${i} malformed error ${JSON.stringify(e)}`);
          else if (e.path === '' && !WHOLE_TEXT.some((re) => re.test(e.message))) failures.push(`#${i} no path: ${e.message}`);
          else if (e.message.length > 400) failures.push(`#${i} message of ${e.message.length} characters at ${e.path}`);
        }
        continue;
      }
      counts.accepted++;
      if (r.problems.length > 0) counts.withProblems++;
      try {
        const partial = compile(fileToGraph(r.file), { partial: true });
        const full = compile(fileToGraph(r.file));
        // The backstop must stay a backstop: every failure compile meets has a plain problem of its own.
        const unforeseen = [...partial.problems, ...full.problems].find((p) => p.code === 'unexpected');
        if (unforeseen) failures.push(`#${i} needed the backstop: ${unforeseen.message}`);
        const saved = serializeGraphFile(r.file);
        const again = openGraphText(saved, { maxNodes: PAGE_MAX_NODES });
        if (!again.ok) failures.push(`#${i} does not reopen: ${again.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
        else if (serializeGraphFile(again.file) !== saved) failures.push(`#${i} saves different text after reopening`);
      } catch (e) {
        failures.push(`#${i} accepted, then threw ${String(e)}`);
      }
    }
    console.log(`fuzz: ${counts.total} documents, ${counts.accepted} accepted (${counts.withProblems} with graph problems), ${counts.rejected} rejected, ${counts.textMutations} with text mutations`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(counts.total).toBeGreaterThanOrEqual(10_000);
    expect(counts.accepted).toBeGreaterThan(500);
    expect(counts.rejected).toBeGreaterThan(500);
  }, 60_000);
});
