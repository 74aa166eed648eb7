import { describe, expect, it } from 'vitest';
import { OPS, LEAVES } from '../../engine';
import { Session } from '../session/Session';
import { emptyDocument } from '../store/edits';
import { addOpNode } from './editActions';
import { newNode } from './newNode';

/** Adds `op` the way a palette drop does: at the point where it was dropped. */
function dropped(op: string) {
  const s = new Session({ doc: emptyDocument() });
  addOpNode(s, op, { x: 713.4, y: 598.2 });
  return s.state.history.present.nodes[0];
}

/** Adds `op` the way Enter on a palette item does: at the canvas centre, after another node already there. */
function keyboard(op: string) {
  const s = new Session({ doc: emptyDocument() });
  addOpNode(s, 'square', { x: 400, y: 300 });
  addOpNode(s, op, { x: 400, y: 300 });
  return s.state.history.present.nodes.find((n) => n.op === op && n.id !== 'square');
}

describe('newNode', () => {
  it('a palette drop and a keyboard add create the same node for every op, except its position', () => {
    for (const op of [...LEAVES, ...OPS].map((d) => d.name).filter((name) => name !== 'square')) {
      const a = dropped(op);
      const b = keyboard(op);
      expect({ ...b, position: a.position }, op).toEqual(a);
      expect(b?.position, op).not.toEqual(a.position);
    }
  });

  it('newNode(linear) → nn.Linear(1, 1) with its default initialiser, read from the op definition', () => {
    expect(newNode(emptyDocument(), 'linear', { x: 88, y: 20 })).toEqual({
      id: 'linear',
      op: 'linear',
      position: { x: 0, y: 0 },
      attrs: { inFeatures: 1, outFeatures: 1 },
      init: { type: 'default', seed: 0 },
    });
  });

  it("newNode(parameter, input, constant) → the leaf's starting shape, value and initialiser", () => {
    const at = { x: 88, y: 20 };
    expect(newNode(emptyDocument(), 'parameter', at)).toMatchObject({ shape: [], init: { type: 'constant', value: 0 } });
    expect(newNode(emptyDocument(), 'input', at)).toMatchObject({ value: { type: 'tensor', shape: [], data: [0] } });
    expect(newNode(emptyDocument(), 'constant', at)).toMatchObject({ value: { type: 'tensor', shape: [], data: [1] } });
  });

  it('newNode(an op twice at one point) → a fresh id, moved off the first one on the grid', () => {
    const doc = emptyDocument();
    const first = newNode(doc, 'sum', { x: 300, y: 200 });
    if (!first) throw new Error('sum is an op');
    doc.nodes.push(first);
    expect(newNode(doc, 'sum', { x: 300, y: 200 })).toMatchObject({ id: 'sum_2', position: { x: first.position.x + 40, y: first.position.y + 40 } });
  });

  it('newNode(an unknown op) → null', () => {
    expect(newNode(emptyDocument(), 'nope', { x: 0, y: 0 })).toBeNull();
  });
});
