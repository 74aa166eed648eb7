import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import type { GraphFile } from '../../engine';
import { createNode, emptyDocument } from '../store/edits';
import { dropEstimates, handlesOf, DRAW_ALL_UP_TO, toFlowEdges, toFlowNodes } from './flowElements';

function doc(): GraphFile {
  const d = emptyDocument();
  d.nodes.push({ ...createNode('input', 'x', { x: 0, y: 0 }), requiresGrad: true, value: { type: 'arange', start: 0, end: 3, step: 1 } });
  d.nodes.push({ ...createNode('add', 'y', { x: 200, y: 0 }), attrs: { c: 2 } });
  d.nodes.push(createNode('sum', 'z', { x: 400, y: 0 }));
  d.edges.push({ source: 'x', target: 'y', targetPort: 'a' }, { source: 'y', target: 'z', targetPort: 'x' });
  d.loss = 'z';
  return d;
}

const decorate = (n: { id: string }) => ({ ariaLabel: `node ${n.id}` });

describe('toFlowNodes', () => {
  it('toFlowNodes maps each document node to an op node with identity data only', () => {
    const [x, y, z] = toFlowNodes(doc(), new Set(['y']), [], decorate);
    expect(x).toMatchObject({ id: 'x', type: 'op', position: { x: 0, y: 0 }, selected: false, ariaLabel: 'node x' });
    expect(x.data).toMatchObject({ op: 'input', requiresGrad: true, isLoss: false, summary: 'arange(0, 3, 1)', fed: '' });
    expect(y.selected).toBe(true);
    expect(y.data).toMatchObject({ op: 'add', attrs: { c: 2 }, fed: 'a' });
    expect(z.data.isLoss).toBe(true);
    expect(x.domAttributes).toMatchObject({ 'data-testid': 'node.x' });
  });

  it('toFlowNodes reuses unchanged node objects and keeps the measured size', () => {
    const d = doc();
    const first = toFlowNodes(d, new Set(), [], decorate).map((n) => ({ ...n, measured: { width: 180, height: 100 } }));
    const moved = produce(d, (draft) => {
      draft.nodes[1].position = { x: 220, y: 40 };
    });
    const next = toFlowNodes(moved, new Set(), first, decorate);
    expect(next[0]).toBe(first[0]);
    expect(next[2]).toBe(first[2]);
    expect(next[1]).not.toBe(first[1]);
    expect(next[1].position).toEqual({ x: 220, y: 40 });
    expect(next[1].measured).toEqual({ width: 180, height: 100 });
    // Moving does not change what the node draws, so its data object is the same.
    expect(next[1].data).toBe(first[1].data);
  });

  it('toFlowNodes makes new data when an attribute or a wire changes', () => {
    const d = doc();
    const first = toFlowNodes(d, new Set(), [], decorate);
    const edited = produce(d, (draft) => {
      draft.nodes[1].attrs = { c: 3 };
      draft.edges.pop();
    });
    const next = toFlowNodes(edited, new Set(), first, decorate);
    expect(next[1].data).not.toBe(first[1].data);
    expect(next[1].data.attrs).toEqual({ c: 3 });
    expect(next[0].data).toBe(first[0].data);
  });

  it('toFlowNodes follows the selection and drops deleted nodes', () => {
    const d = doc();
    const first = toFlowNodes(d, new Set(), [], decorate);
    const next = toFlowNodes({ ...d, nodes: d.nodes.slice(0, 2) }, new Set(['x']), first, decorate);
    expect(next.map((n) => n.id)).toEqual(['x', 'y']);
    expect(next[0].selected).toBe(true);
    expect(next[1]).toBe(first[1]);
  });

  it('toFlowNodes sets aria-describedby only through the decoration', () => {
    const [x] = toFlowNodes(doc(), new Set(), [], (n) => ({ ariaLabel: n.id, describedBy: 'tip-x' }));
    expect(x.domAttributes).toMatchObject({ 'aria-describedby': 'tip-x' });
  });
});

describe('estimated sizes of a large graph', () => {
  /** A chain x → square → square … of `n` nodes. */
  function chain(n: number): GraphFile {
    const d = emptyDocument();
    d.nodes.push({ ...createNode('input', 'n0', { x: 0, y: 0 }), value: { type: 'tensor', shape: [], data: [1] } });
    for (let i = 1; i < n; i++) {
      d.nodes.push(createNode('square', `n${i}`, { x: i * 220, y: 0 }));
      d.edges.push({ source: `n${i - 1}`, target: `n${i}`, targetPort: 'x' });
    }
    return d;
  }

  it('a small graph is measured by React Flow: its nodes carry no estimate', () => {
    const nodes = toFlowNodes(chain(DRAW_ALL_UP_TO), new Set(), [], decorate);
    expect(nodes.some((n) => n.handles !== undefined || n.initialWidth !== undefined)).toBe(false);
  });

  it('a larger graph’s unmeasured nodes carry a size and their handles; a measured node drops them and keeps them dropped', () => {
    const d = chain(DRAW_ALL_UP_TO + 1);
    const first = toFlowNodes(d, new Set(), [], decorate);
    expect(first[1]).toMatchObject({ initialWidth: 176, initialHeight: 110 });
    expect(first[1].handles).toEqual(handlesOf('n1', 'square'));
    const measured = dropEstimates(
      first.map((n) => (n.id === 'n1' ? { ...n, measured: { width: 176, height: 99 } } : n)),
      [{ type: 'dimensions', id: 'n1', dimensions: { width: 176, height: 99 } }],
    );
    expect(measured[1].handles).toBeUndefined();
    expect(measured[1].initialWidth).toBeUndefined();
    expect(measured[1].measured).toEqual({ width: 176, height: 99 });
    expect(measured[2]).toBe(first[2]);
    const moved = produce(d, (draft) => {
      draft.nodes[1].position = { x: 240, y: 20 };
    });
    const next = toFlowNodes(moved, new Set(), measured, decorate);
    expect(next[1].handles).toBeUndefined();
    expect(next[1].position).toEqual({ x: 240, y: 20 });
  });

  it('the estimated handles sit where the stylesheet draws them: inputs on the left a row apart, the output on the right', () => {
    expect(handlesOf('m', 'mse')).toEqual([
      { id: 'input', type: 'target', position: 'left', x: -5, y: 40.5, width: 10, height: 10, nodeId: 'm' },
      { id: 'target', type: 'target', position: 'left', x: -5, y: 55.5, width: 10, height: 10, nodeId: 'm' },
      { id: 'out', type: 'source', position: 'right', x: 171, y: 40.5, width: 10, height: 10, nodeId: 'm' },
    ]);
    expect(handlesOf('x', 'input').map((h) => h.id)).toEqual(['out']);
  });
});

describe('toFlowEdges', () => {
  it('toFlowEdges gives each wire its stable id, the out handle and the port handle', () => {
    const edges = toFlowEdges(doc(), [], (e) => `${e.source} to ${e.target}`);
    expect(edges[0]).toMatchObject({ id: 'x->y.a', source: 'x', target: 'y', sourceHandle: 'out', targetHandle: 'a', selected: false, ariaLabel: 'x to y' });
  });
  it('toFlowEdges reuses unchanged edges and keeps their selection', () => {
    const first = toFlowEdges(doc(), [], () => 'w').map((e) => ({ ...e, selected: e.id === 'y->z.x' }));
    const next = toFlowEdges(doc(), first, () => 'w');
    expect(next[1]).toBe(first[1]);
    expect(next[1].selected).toBe(true);
  });
});
