import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportPytorch } from '../codegen/pytorch';
import { resolveAttrs } from '../ops/attrs';
import type { Graph } from '../graph/types';
import { seededRandom } from '../tensor/random';
import { GraphBuilder } from '../testing/graphBuilder';
import { buildOp } from '../testing/opRecipes';
import { domainsOf } from '../testing/domains';
import { LEAVES, lookupOp, type OpName, OPS, OPS_BY_NAME } from './registry';
import type { AnyOpDef, Attrs } from './types';

// The op file is the single source of truth: everything GradCanvas knows about an op is on
// its definition, so these checks run over every registered op and name the one at fault.

const names = OPS.map((d) => d.name);
const criteria = OPS.filter((d) => d.criterion !== undefined).map((d) => d.name);

/** The op's attributes at their defaults. */
const defaults = (def: AnyOpDef): Attrs => resolveAttrs(def.attrs, {}).attrs;

/** Names of the op's own parameters at default attributes. */
const paramNames = (def: AnyOpDef): string[] => (def.params ? def.params(defaults(def)).map((p) => p.name) : []);

/** The op names in the first column of docs/graph-format.md's ops table. */
function documentedOps(): Set<string> {
  const text = readFileSync('docs/graph-format.md', 'utf8');
  const start = text.indexOf('### Ops and their input ports');
  const rows = text.slice(start).split('\n').slice(1);
  const table = rows.slice(rows.findIndex((r) => r.startsWith('|')));
  const cells = table.slice(0, table.findIndex((r) => !r.startsWith('|'))).map((r) => r.split('|')[1] ?? '');
  return new Set(cells.flatMap((c) => [...c.matchAll(/`([^`]+)`/g)].map((m) => m[1])));
}

describe('registry', () => {
  it('OPS_BY_NAME[name].name is name for every op, and no two ops or leaves share a name', () => {
    for (const [name, def] of Object.entries(OPS_BY_NAME)) expect(def.name, name).toBe(name);
    const all = [...LEAVES, ...OPS].map((d) => d.name);
    expect(new Set(all).size).toBe(all.length);
  });

  it('a Record<OpName, …> with an op left out does not compile', () => {
    // @ts-expect-error -- every op but square is missing
    const partial: Record<OpName, number> = { square: 1 };
    const full: Record<OpName, number> = Object.fromEntries(names.map((n) => [n, 1])) as Record<OpName, number>;
    expect(Object.keys(partial)).toHaveLength(1);
    expect(Object.keys(full)).toHaveLength(OPS.length);
  });

  it('lookupOp(name) finds every op and leaf, and nothing for a prototype name', () => {
    for (const d of [...LEAVES, ...OPS]) expect(lookupOp(d.name)).toBe(d);
    expect(lookupOp('constructor')).toBeUndefined();
  });

  it.each(names)('%s has engine/ops/<name>.test.ts', (name) => {
    expect(existsSync(`engine/ops/${name}.test.ts`), `engine/ops/${name}.test.ts`).toBe(true);
  });

  it('every leaf has engine/ops/<name>.test.ts', () => {
    for (const leaf of LEAVES) expect(existsSync(`engine/ops/${leaf.name}.test.ts`), leaf.name).toBe(true);
  });

  it.each(names)("%s's row is in docs/graph-format.md's ops table", (name) => {
    expect(documentedOps()).toContain(name);
  });

  it('every leaf is in docs/graph-format.md\'s ops table', () => {
    for (const leaf of LEAVES) expect(documentedOps()).toContain(leaf.name);
  });

  it.each(names)('%s explains its forward and every differentiable port and parameter, and nothing else', (name) => {
    const def = OPS_BY_NAME[name as OpName];
    const wanted = [...def.inputs.filter((p) => p.differentiable !== false).map((p) => p.name), ...paramNames(def)];
    expect(Object.keys(def.explain.backward).sort()).toEqual(wanted.sort());
    const unknown = new Proxy({}, { get: () => '?' });
    expect(def.explain.forward(unknown)).toEqual(expect.any(String));
    for (const rule of Object.values(def.explain.backward)) {
      expect(rule.derivative).toMatch(/∂/);
      expect(rule.gradIn).toMatch(/^grad_/);
      expect(rule.numbers(unknown)).toEqual(expect.any(String));
    }
  });

  it.each(names)("%s's recipe covers every port, attribute and parameter it names, and only those", (name) => {
    const def = OPS_BY_NAME[name as OpName];
    const ports = def.inputs.map((p) => p.name);
    const inputs = typeof def.recipe.inputs === 'function' ? def.recipe.inputs(defaults(def)) : def.recipe.inputs;
    expect(Object.keys(inputs).sort()).toEqual([...ports].sort());
    for (const r of Object.values(inputs)) if ('of' in r) expect(ports).toContain(r.of);
    for (const attr of Object.keys(def.recipe.attrs ?? {})) expect(def.attrs.map((a) => a.name)).toContain(attr);
    expect(Object.keys(def.recipe.params ?? {}).sort()).toEqual(paramNames(def).sort());
  });

  it.each(names)('buildOp(builder, %s) builds a node of the op from its recipe', (name) => {
    const def = OPS_BY_NAME[name as OpName];
    let built = false;
    for (let seed = 1; seed <= 50 && !built; seed++) {
      const b = new GraphBuilder(seededRandom(seed));
      built = buildOp(b, def) !== null && b.nodes.some((n) => n.op === name);
    }
    expect(built).toBe(true);
  });

  it.each(names)("%s's domain names only its ports", (name) => {
    const def = OPS_BY_NAME[name as OpName];
    const ports = def.inputs.map((p) => p.name);
    for (const port of Object.keys(domainsOf(def, defaults(def)))) expect(ports).toContain(port);
  });

  it.each(criteria)('exportPytorch(parameter → %s ← data) writes criterion.module, with the target as criterion.target makes it', (name) => {
    const def = OPS_BY_NAME[name as OpName];
    const [input, target] = def.inputs;
    const labels = target.differentiable === false;
    const graph: Graph = {
      nodes: [
        { id: 'p', op: 'parameter', shape: [2, 3], params: { value: { shape: [2, 3], data: Float64Array.of(0.2, 0.4, 0.6, 0.3, 0.5, 0.7) } } },
        { id: 't', op: 'input', value: labels ? { type: 'tensor', shape: [2], data: [0, 2] } : { type: 'tensor', shape: [2, 3], data: [0, 1, 0, 1, 0, 1] } },
        { id: 'loss', op: name },
      ],
      edges: [
        { source: 'p', target: 'loss', targetPort: input.name },
        { source: 't', target: 'loss', targetPort: target.name },
      ],
      loss: 'loss',
    };
    const { code } = exportPytorch(graph, { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 1, batchSize: null, seed: 0 });
    expect(code).toContain(`criterion = ${def.criterion?.module}(reduction="mean")`);
    expect(code).toContain(`loss = criterion(outputs, ${def.criterion?.target?.('t') ?? 't'})`);
  });
});
