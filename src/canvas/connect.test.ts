import { describe, expect, it } from 'vitest';
import type { GraphFile } from '../../engine';
import { createNode, emptyDocument } from '../store/edits';
import { connectionFromEnds, cyclePath, formatCycle, judgeConnection } from './connect';

/** x → square → scale → y(add) → z(sum), the composite function. */
function composite(): GraphFile {
  const doc = emptyDocument();
  const at = { x: 0, y: 0 };
  doc.nodes.push(createNode('input', 'x', at), createNode('square', 'square', at), createNode('scale', 'scale', at), createNode('add', 'y', at), createNode('sum', 'z', at));
  doc.edges.push(
    { source: 'x', target: 'square', targetPort: 'x' },
    { source: 'square', target: 'scale', targetPort: 'x' },
    { source: 'scale', target: 'y', targetPort: 'a' },
    { source: 'y', target: 'z', targetPort: 'x' },
  );
  return doc;
}

describe('judgeConnection', () => {
  it('judgeConnection(y.out → … y.b) of a free port gives the edge', () => {
    expect(judgeConnection(composite(), { source: 'x', sourceHandle: 'out', target: 'y', targetHandle: 'b' })).toEqual({
      ok: true,
      edge: { source: 'x', target: 'y', targetPort: 'b' },
    });
  });
  it('judgeConnection(z.out → square.x) is a cycle naming the loop', () => {
    const doc = composite();
    doc.edges.shift(); // free square.x
    expect(judgeConnection(doc, { source: 'z', sourceHandle: 'out', target: 'square', targetHandle: 'x' })).toEqual({
      ok: false,
      reason: 'cycle',
      vars: { path: 'z → square → scale → y → z' },
    });
  });
  it('judgeConnection into a fed port names the wire already there', () => {
    expect(judgeConnection(composite(), { source: 'y', sourceHandle: 'out', target: 'square', targetHandle: 'x' })).toMatchObject({
      ok: false,
      reason: 'port_taken',
      vars: { node: 'square', port: 'x', source: 'x' },
    });
  });
  it('judgeConnection(out → out) is output to output', () => {
    expect(judgeConnection(composite(), { source: 'x', sourceHandle: 'out', target: 'z', targetHandle: 'out' })).toMatchObject({ ok: false, reason: 'output_to_output' });
  });
  it('judgeConnection(input port → input port) is input to input', () => {
    expect(judgeConnection(composite(), { source: 'y', sourceHandle: 'b', target: 'z', targetHandle: 'x' })).toMatchObject({ ok: false, reason: 'input_to_input' });
  });
  it('judgeConnection of a node to itself is self', () => {
    expect(judgeConnection(composite(), { source: 'y', sourceHandle: 'out', target: 'y', targetHandle: 'b' })).toMatchObject({ ok: false, reason: 'self', vars: { node: 'y' } });
  });
  it('judgeConnection into a port the op lacks is unknown_port', () => {
    expect(judgeConnection(composite(), { source: 'x', sourceHandle: 'out', target: 'z', targetHandle: 'q' })).toMatchObject({ ok: false, reason: 'unknown_port' });
  });
});

describe('connectionFromEnds', () => {
  it('connectionFromEnds(out → port) runs from the output', () => {
    expect(connectionFromEnds({ nodeId: 'a', id: 'out', type: 'source' }, { nodeId: 'b', id: 'x', type: 'target' })).toEqual({
      source: 'a',
      sourceHandle: 'out',
      target: 'b',
      targetHandle: 'x',
    });
  });
  it('connectionFromEnds(port → out) is turned around, as React Flow does', () => {
    expect(connectionFromEnds({ nodeId: 'b', id: 'x', type: 'target' }, { nodeId: 'a', id: 'out', type: 'source' })).toEqual({
      source: 'a',
      sourceHandle: 'out',
      target: 'b',
      targetHandle: 'x',
    });
  });
});

describe('cyclePath', () => {
  it('cyclePath finds the shortest way back and is empty when there is none', () => {
    const edges = [
      { source: 'a', target: 'b', targetPort: 'x' },
      { source: 'b', target: 'c', targetPort: 'x' },
      { source: 'a', target: 'c', targetPort: 'y' },
    ];
    expect(cyclePath(edges, 'c', 'a')).toEqual(['c', 'a', 'c']);
    expect(cyclePath(edges, 'a', 'c')).toEqual([]);
  });
  it('formatCycle elides the middle of a long loop', () => {
    expect(formatCycle(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'a'])).toBe('a → b → c → … → g → a');
    expect(formatCycle(['a', 'b', 'a'])).toBe('a → b → a');
  });
});
