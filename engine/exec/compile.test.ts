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
    const p = compile(g).problems.find((q) => q.code === 'shape_mismatch');
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
