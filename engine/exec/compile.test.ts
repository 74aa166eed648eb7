import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import type { Graph, GraphNode } from '../graph/types';
import { compositeFunction, edge } from '../testing/graphs';

const vec = (id: string, shape: number[], requiresGrad = false): GraphNode => ({
  id,
  op: 'input',
  value: { type: 'tensor', shape, data: new Array(shape.reduce((a, b) => a * b, 1)).fill(1) },
  requiresGrad,
});

const codes = (g: Graph) => compile(g).problems.map((p) => [p.code, p.node, p.port]);

describe('compile', () => {
  it('compile(compositeFunction) has no problems and infers every shape', () => {
    const r = compile(compositeFunction());
    expect(r.problems).toEqual([]);
    expect(r.program).not.toBeNull();
    expect(Object.fromEntries(r.shapes)).toEqual({ x: [17], sq: [17], sc: [17], ad: [17], z: [] });
  });

  it('compile(graph, { checkOnly }) finds the same problems and shapes and allocates no program', () => {
    const fine = compositeFunction();
    const broken: Graph = { ...fine, edges: fine.edges.slice(1) };
    for (const g of [fine, broken]) {
      const full = compile(g, { partial: true });
      const check = compile(g, { checkOnly: true });
      expect(check.problems).toEqual(full.problems);
      expect(check.shapes).toEqual(full.shapes);
      expect(check.program).toBeNull();
    }
  });

  it('compile reports a cycle with the path of nodes on it', () => {
    const g: Graph = {
      nodes: [vec('x', [2]), { id: 'a', op: 'add' }, { id: 'b', op: 'square' }, { id: 's', op: 'sum' }],
      edges: [edge('x', 'a', 'a'), edge('b', 'a', 'b'), edge('a', 'b'), edge('a', 's')],
      loss: 's',
    };
    const r = compile(g);
    const cycle = r.problems.find((p) => p.code === 'cycle');
    expect(cycle?.message).toMatch(/a → b → a|b → a → b/);
    expect(r.program).toBeNull();
  });

  it('compile reports an unconnected required port by node and port', () => {
    const g: Graph = { nodes: [vec('x', [2]), { id: 'm', op: 'mse' }], edges: [edge('x', 'm', 'input')], loss: 'm' };
    expect(codes(g)).toContainEqual(['missing_input', 'm', 'target']);
  });

  it('compile accepts add with b unconnected, using the constant c', () => {
    const g: Graph = { nodes: [vec('x', [3]), { id: 'a', op: 'add', attrs: { c: 2 } }], edges: [edge('x', 'a', 'a')] };
    const r = compile(g);
    r.program?.forward();
    expect(Array.from(r.program?.value('a').data ?? [])).toEqual([3, 3, 3]);
  });

  it('compile reports a port fed twice', () => {
    const g: Graph = {
      nodes: [vec('x', [2]), vec('y', [2]), { id: 's', op: 'square' }],
      edges: [edge('x', 's'), edge('y', 's')],
    };
    expect(codes(g)).toContainEqual(['port_fed_twice', 's', 'x']);
  });

  it('compile reports a shape mismatch naming both shapes', () => {
    const g: Graph = {
      nodes: [vec('x', [2, 3]), vec('y', [4]), { id: 'a', op: 'add' }],
      edges: [edge('x', 'a', 'a'), edge('y', 'a', 'b')],
    };
    const p = compile(g).problems.find((q) => q.code === 'shape_mismatch');
    expect(p?.node).toBe('a');
    expect(p?.message).toContain('[2, 3]');
    expect(p?.message).toContain('[4]');
  });

  it('compile does not cascade a shape mismatch to nodes downstream', () => {
    const g: Graph = {
      nodes: [vec('x', [2, 3]), vec('y', [4]), { id: 'a', op: 'add' }, { id: 's', op: 'sum' }],
      edges: [edge('x', 'a', 'a'), edge('y', 'a', 'b'), edge('a', 's')],
      loss: 's',
    };
    expect(compile(g).problems.map((p) => p.code)).toEqual(['shape_mismatch']);
  });

  it('compile warns when there is no loss, and still compiles for forward', () => {
    const r = compile({ nodes: [vec('x', [2])], edges: [] });
    expect(r.problems).toEqual([expect.objectContaining({ code: 'no_loss', severity: 'warning' })]);
    expect(r.program).not.toBeNull();
  });

  it('compile rejects a non-scalar loss', () => {
    const g: Graph = { nodes: [vec('x', [2]), { id: 's', op: 'square' }], edges: [edge('x', 's')], loss: 's' };
    expect(codes(g)).toContainEqual(['loss_not_scalar', 's', undefined]);
  });

  it('compile reports unknown ops, ports, dangling edges, duplicate ids and bad attributes', () => {
    const g: Graph = {
      nodes: [vec('x', [2]), vec('x', [2]), { id: 'q', op: 'sqaure' }, { id: 's', op: 'scale', attrs: { k: 'two' } }, { id: 'r', op: 'sum', attrs: { axis: 1.5 } }],
      edges: [edge('x', 's', 'y'), edge('ghost', 's')],
    };
    const found = codes(g);
    expect(found).toContainEqual(['duplicate_id', 'x', undefined]);
    expect(found).toContainEqual(['unknown_op', 'q', undefined]);
    expect(found).toContainEqual(['unknown_port', 's', 'y']);
    expect(found).toContainEqual(['dangling_edge', 's', 'x']);
    expect(found).toContainEqual(['bad_attribute', 's', 'k']);
    expect(found).toContainEqual(['bad_attribute', 'r', 'axis']);
  });

  it('compile reports a dataset binding to a missing column as a bad value', () => {
    const g: Graph = {
      nodes: [{ id: 'X', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['nope'] } }],
      edges: [],
      datasets: { d: { columns: ['a'], rows: [[1]] } },
    };
    const p = compile(g).problems.find((q) => q.code === 'bad_value');
    expect(p?.message).toContain("no column 'nope'");
  });

  it('compile rejects linear parameters of the wrong shape', () => {
    const g: Graph = {
      nodes: [
        vec('x', [3, 2]),
        { id: 'l', op: 'linear', attrs: { inFeatures: 2, outFeatures: 1 }, params: { weight: { shape: [1, 3], data: new Float64Array(3) } } },
      ],
      edges: [edge('x', 'l')],
    };
    const p = compile(g).problems.find((q) => q.code === 'bad_param');
    expect(p?.message).toContain('weight has shape [1, 3]');
  });
});

describe('compile with partial', () => {
  it('builds a program over the nodes without problems, leaving out the broken ones and what reads them', () => {
    const g: Graph = {
      nodes: [vec('x', [3]), { id: 'sq', op: 'square' }, { id: 'lonely', op: 'mul' }, { id: 'after', op: 'neg' }, { id: 's', op: 'sum' }],
      edges: [edge('x', 'sq'), edge('sq', 's'), edge('lonely', 'after')],
      loss: 's',
    };
    const strict = compile(g);
    expect(strict.program).toBeNull();
    const r = compile(g, { partial: true });
    expect(r.problems.map((p) => [p.code, p.node, p.port])).toEqual([['missing_input', 'lonely', 'a']]);
    const p = r.program;
    if (!p) throw new Error('no partial program');
    p.forward();
    expect(p.value('s').data[0]).toBe(3);
    expect(p.slots.map((s) => s.id)).toEqual(['x', 'sq', 's']);
    expect(p.loss).toBe('s');
  });
});

describe('compile never throws', () => {
  const lit = (id: string, shape: unknown, data: unknown): GraphNode => ({ id, op: 'input', value: { type: 'tensor', shape, data } as never });

  it.each([
    ['a negative length', [-1], []],
    ['a fractional length', [1.5], [1]],
    ['a NaN length', [NaN], []],
    ['rank 5', [1, 1, 1, 1, 1], [1]],
    ['too few values', [3], [1]],
    ['no shape', undefined, [1]],
    ['no data', [2], undefined],
  ])('an input tensor with %s → a bad_value problem on the node, in plain words', (_what, shape, data) => {
    const r = compile({ nodes: [lit('x', shape, data)], edges: [] });
    expect(r.problems.map((p) => [p.code, p.node, p.field])).toEqual([['bad_value', 'x', 'value'], ['no_loss', undefined, undefined]]);
    expect(r.problems[0].message).not.toMatch(/undefined|Cannot read|TypeError|RangeError/);
  });

  it('a parameter shape of 50,000,000 elements → too_large at its shape, before anything is allocated', () => {
    const r = compile({ nodes: [{ id: 'W', op: 'parameter', shape: [50_000_000] }], edges: [] });
    expect(r.problems[0]).toMatchObject({ code: 'too_large', node: 'W', field: 'shape' });
    expect(r.problems[0].message).toBe('W: the parameter [50000000] would have 50,000,000 elements, which exceeds the limit of 4,000,000 elements');
  });

  it('an arange of 10⁹ elements → too_large in well under a second', () => {
    const t = performance.now();
    const r = compile({ nodes: [{ id: 'x', op: 'input', value: { type: 'arange', start: 0, end: 1e9, step: 1 } }], edges: [] });
    expect(performance.now() - t).toBeLessThan(100);
    expect(r.problems[0]).toMatchObject({ code: 'too_large', node: 'x', field: 'value' });
  });

  it('a broadcast whose result exceeds the tensor limit → too_large on the op, naming the shape', () => {
    const g: Graph = { nodes: [vec('a', [2000, 1]), vec('b', [1, 2001]), { id: 'm', op: 'mul' }], edges: [edge('a', 'm', 'a'), edge('b', 'm', 'b')] };
    const p = compile(g, { partial: true }).problems.find((q) => q.code === 'too_large');
    expect(p?.message).toBe('m (mul): the result [2000, 2001] would have 4,002,000 elements, which exceeds the limit of 4,000,000 elements');
  });

  it('values, gradients and buffers summing past the total limit → one too_large problem for the graph, no program', () => {
    const big = (id: string): GraphNode => ({ id, op: 'input', value: { type: 'arange', start: 0, end: 3_000_000, step: 1 }, requiresGrad: true });
    const g: Graph = { nodes: [big('a'), big('b'), { id: 'm', op: 'mul' }, { id: 's', op: 'sum' }], edges: [edge('a', 'm', 'a'), edge('b', 'm', 'b'), edge('m', 's')], loss: 's' };
    const r = compile(g, { partial: true });
    expect(r.problems.map((p) => [p.code, p.node])).toEqual([['too_large', undefined]]);
    expect(r.problems[0].message).toMatch(/^the graph would hold 18,000,002 numbers in all .*which exceeds the limit of 16,000,000 elements$/);
    expect(r.program).toBeNull();
  });

  it('more nodes than MAX_NODES → too_large before any other work', () => {
    const nodes = Array.from({ length: 200_001 }, (_, k): GraphNode => ({ id: `n${k}`, op: 'neg' }));
    expect(compile({ nodes, edges: [] }).problems.map((p) => p.code)).toEqual(['too_large']);
  });

  it('with partial, a linear whose stored weight does not fit is left out and the rest still runs', () => {
    const g: Graph = {
      nodes: [vec('x', [3, 1]), { id: 'l', op: 'linear', params: { weight: { shape: [2, 1], data: Float64Array.of(1, 1) } } }, { id: 'sq', op: 'square' }],
      edges: [edge('x', 'l'), edge('x', 'sq')],
    };
    const r = compile(g, { partial: true });
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.node, p.field])).toEqual([['bad_param', 'l', 'params.weight']]);
    r.program?.forward();
    expect(r.program?.slots.map((s) => s.id)).toEqual(['x', 'sq']);
  });

  it('a linear(100000, 100000) → too_large at its attributes, nothing allocated', () => {
    const r = compile({ nodes: [vec('x', [1, 3]), { id: 'l', op: 'linear', attrs: { inFeatures: 100_000, outFeatures: 100_000 } }], edges: [edge('x', 'l')] }, { partial: true });
    expect(r.problems.map((p) => [p.code, p.field])).toContainEqual(['too_large', 'attrs']);
  });

  it('a dataset named toString, constructor or hasOwnProperty that is not loaded → a plain bad_value', () => {
    for (const name of ['toString', 'constructor', 'hasOwnProperty']) {
      const r = compile({ nodes: [{ id: 'X', op: 'input', value: { type: 'columns', dataset: name, columns: ['a'] } }], edges: [], datasets: {} });
      expect(r.problems[0].message).toBe(`X: dataset '${name}' is not loaded`);
    }
  });

  it('an odd batchRows reads every row instead of failing', () => {
    const g: Graph = { nodes: [{ id: 'X', op: 'input', value: { type: 'columns', dataset: 'd', columns: ['a'] } }], edges: [], datasets: { d: { columns: ['a'], rows: [[1], [2]] } } };
    expect(compile(g, { batchRows: NaN }).shapes.get('X')).toEqual([2, 1]);
  });

  it('anything unforeseen → an unexpected problem on the node being prepared, in plain words (the backstop)', () => {
    const hostile = { id: 'h', op: 'input', get value(): never { throw new TypeError("Cannot read properties of undefined (reading '0')"); } } as GraphNode;
    const r = compile({ nodes: [vec('x', [2]), hostile], edges: [] });
    const p = r.problems.find((q) => q.severity === 'error');
    expect(p).toMatchObject({ code: 'unexpected', node: 'h' });
    expect(p?.message).toMatch(/^h could not be prepared: GradCanvas could not work out how to set it up/);
    expect(p?.message).not.toMatch(/Cannot read|TypeError/);
  });
});

