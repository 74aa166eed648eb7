import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { autoLoss } from './lossRule';
import type { Graph } from '../graph/types';

const vec = (id: string, data: number[]) => ({ id, op: 'input', value: { type: 'tensor' as const, shape: [data.length], data } });
const edge = (source: string, target: string, targetPort: string) => ({ source, target, targetPort });

/** pred = x · 2 compared with t by mse; `extra` adds nodes and edges. */
function regression(extra: Partial<Graph> = {}): Graph {
  return {
    nodes: [vec('x', [1, 2]), vec('t', [2, 4]), { id: 'pred', op: 'scale', attrs: { k: 2 } }, { id: 'mse', op: 'mse' }, ...(extra.nodes ?? [])],
    edges: [edge('x', 'pred', 'x'), edge('pred', 'mse', 'input'), edge('t', 'mse', 'target'), ...(extra.edges ?? [])],
    loss: extra.loss,
  };
}

describe('the loss rule', () => {
  it('no loss marked and one mse node: compile trains from it, with no "no loss" warning', () => {
    const r = compile(regression());
    expect(r.program?.loss).toBe('mse');
    expect(r.problems.map((p) => p.code)).not.toContain('no_loss');
  });

  it('the single scalar output is the loss (z = y.sum(), no loss op)', () => {
    const g: Graph = { nodes: [vec('x', [1, 2]), { id: 'y', op: 'square' }, { id: 'z', op: 'sum' }], edges: [edge('x', 'y', 'x'), edge('y', 'z', 'x')] };
    expect(compile(g).program?.loss).toBe('z');
  });

  it('among several scalar outputs, the one loss op is the loss; a marked loss always wins', () => {
    const g = regression({ nodes: [{ id: 'total', op: 'sum' }], edges: [edge('x', 'total', 'x')] });
    expect(compile(g).program?.loss).toBe('mse');
    expect(compile({ ...g, loss: 'total' }).program?.loss).toBe('total');
  });

  it('mse feeding a sum (loss + penalty): the sum, the one scalar output, is the loss', () => {
    const g = regression({ nodes: [{ id: 'pen', op: 'sum' }, { id: 'total', op: 'add' }], edges: [edge('x', 'pen', 'x'), edge('mse', 'total', 'a'), edge('pen', 'total', 'b')] });
    expect(compile(g).program?.loss).toBe('total');
  });

  it('two loss ops and no mark: no loss, and compile says so', () => {
    const g = regression({ nodes: [{ id: 'mse2', op: 'mse' }], edges: [edge('pred', 'mse2', 'input'), edge('t', 'mse2', 'target')] });
    const r = compile(g);
    expect(r.program?.loss).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toContain('no_loss');
    expect(autoLoss(g, r.shapes)).toBeUndefined();
  });

  it('a non-scalar output is never the loss', () => {
    const g: Graph = { nodes: [vec('x', [1, 2]), { id: 'y', op: 'square' }], edges: [edge('x', 'y', 'x')] };
    expect(compile(g).program?.loss).toBeUndefined();
  });
});
