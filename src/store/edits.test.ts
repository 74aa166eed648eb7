import { describe, expect, it } from 'vitest';
import { checkConnection, copyNodes, createNode, emptyDocument, freshId, pasteClip, removeNodes } from './edits';
import type { GraphFile } from '../../engine';

function chain(): GraphFile {
  const doc = emptyDocument();
  doc.nodes.push(createNode('input', 'x', { x: 0, y: 0 }), createNode('square', 'sq', { x: 100, y: 0 }), createNode('sum', 'z', { x: 200, y: 0 }));
  doc.edges.push({ source: 'x', target: 'sq', targetPort: 'x' }, { source: 'sq', target: 'z', targetPort: 'x' });
  doc.loss = 'z';
  return doc;
}

describe('edits', () => {
  it('checkConnection refuses a cycle, a fed port, a self-loop and output to output', () => {
    const doc = chain();
    expect(checkConnection(doc, 'z', 'sq', 'x')).toBe('port_taken');
    doc.nodes.push(createNode('add', 'a', { x: 0, y: 0 }));
    doc.edges.push({ source: 'z', target: 'a', targetPort: 'a' });
    expect(checkConnection(doc, 'a', 'sq', 'x')).toBe('port_taken');
    doc.edges = doc.edges.filter((e) => e.target !== 'sq');
    expect(checkConnection(doc, 'a', 'sq', 'x')).toBe('cycle');
    expect(checkConnection(doc, 'x', 'x', 'x')).toBe('self');
    expect(checkConnection(doc, 'x', 'sq', null)).toBe('output_to_output');
    expect(checkConnection(doc, 'x', 'sq', 'x')).toBeNull();
  });

  it("createNode(op) → the op's attribute defaults and initialiser; an op without attributes gets none", () => {
    expect(createNode('sum', 's', { x: 0, y: 0 })).toEqual({ id: 's', op: 'sum', position: { x: 0, y: 0 }, attrs: { axis: null, keepdim: false } });
    expect(createNode('square', 'q', { x: 0, y: 0 })).toEqual({ id: 'q', op: 'square', position: { x: 0, y: 0 } });
  });

  it('createNode shares nothing with the op definition, so editing the node leaves the next one as it was', () => {
    const a = createNode('input', 'a', { x: 0, y: 0 });
    (a.value as { data: number[] }).data[0] = 5;
    expect(createNode('input', 'b', { x: 0, y: 0 }).value).toEqual({ type: 'tensor', shape: [], data: [0] });
    const r = createNode('reshape', 'r', { x: 0, y: 0 });
    (r.attrs?.shape as number[]).push(2);
    expect(createNode('reshape', 'r2', { x: 0, y: 0 }).attrs).toEqual({ shape: [-1] });
  });

  it('removeNodes drops their wires and the loss', () => {
    const doc = chain();
    removeNodes(doc, new Set(['z']));
    expect(doc.edges).toEqual([{ source: 'x', target: 'sq', targetPort: 'x' }]);
    expect(doc.loss).toBeNull();
  });

  it('copy then paste gives fresh ids with the inner wire kept', () => {
    const doc = chain();
    const ids = pasteClip(doc, copyNodes(doc, new Set(['x', 'sq'])), { x: 20, y: 20 });
    expect(ids).toEqual(['x_2', 'sq_2']);
    expect(doc.edges).toContainEqual({ source: 'x_2', target: 'sq_2', targetPort: 'x' });
    expect(doc.nodes.find((n) => n.id === 'x_2')?.position).toEqual({ x: 20, y: 20 });
    expect(freshId(doc, 'sq')).toBe('sq_3');
  });
});
