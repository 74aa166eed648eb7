import { describe, expect, it } from 'vitest';
import { Session } from '../session/Session';
import { createNode, emptyDocument } from '../store/edits';
import { addOpNode, addWire, applyLayout, applySelectChanges, copySelection, deleteElements, duplicateSelection, moveNodes, pasteFromClipboard } from './editActions';

function store() {
  const doc = emptyDocument();
  doc.nodes.push(createNode('input', 'x', { x: 0, y: 0 }), createNode('square', 'square', { x: 200, y: 0 }));
  doc.edges.push({ source: 'x', target: 'square', targetPort: 'x' });
  return new Session({ doc });
}

const present = (s: ReturnType<typeof store>) => s.state.history.present;

describe('editActions', () => {
  it('addOpNode(square) adds square_2 with its title bar at the point, selects it, and undoes in one step', () => {
    const s = store();
    expect(addOpNode(s, 'square', { x: 128, y: 80 })).toBe('square_2');
    expect(present(s).nodes[2]).toEqual({ id: 'square_2', op: 'square', position: { x: 40, y: 60 } });
    expect(s.state.selection).toEqual(['square_2']);
    s.undo();
    expect(present(s).nodes).toHaveLength(2);
  });
  it('addOpNode of an unknown op adds nothing', () => {
    const s = store();
    expect(addOpNode(s, 'nope', { x: 0, y: 0 })).toBeNull();
    expect(s.state.history.past).toHaveLength(0);
  });
  it('deleteElements removes nodes with their wires and leaves the selection without them', () => {
    const s = store();
    s.select(['x', 'square']);
    deleteElements(s, ['x'], []);
    expect(present(s).nodes.map((n) => n.id)).toEqual(['square']);
    expect(present(s).edges).toEqual([]);
    expect(s.state.selection).toEqual(['square']);
  });
  it('deleteElements removes a wire by its id', () => {
    const s = store();
    deleteElements(s, [], ['x->square.x']);
    expect(present(s).edges).toEqual([]);
  });
  it('addWire adds the edge as one undo step', () => {
    const s = store();
    addOpNode(s, 'sum', { x: 0, y: 0 });
    addWire(s, { source: 'square', target: 'sum', targetPort: 'x' });
    expect(present(s).edges).toContainEqual({ source: 'square', target: 'sum', targetPort: 'x' });
    expect(s.state.history.past.at(-1)?.label).toBe('connect');
  });
  it('moveNodes with one merge key is one undo step; a click that moves nothing records nothing', () => {
    const s = store();
    moveNodes(s, [{ id: 'x', position: { x: 20, y: 0 } }], 'drag:1');
    moveNodes(s, [{ id: 'x', position: { x: 40, y: 20 } }], 'drag:1');
    expect(s.state.history.past).toHaveLength(1);
    moveNodes(s, [{ id: 'x', position: { x: 40, y: 20 } }], 'drag:2');
    expect(s.state.history.past).toHaveLength(1);
    s.undo();
    expect(present(s).nodes[0].position).toEqual({ x: 0, y: 0 });
  });
  it('applyLayout moves every node in one undo step, and two layouts are two steps', () => {
    const s = store();
    applyLayout(s, new Map([['x', { x: 100, y: 100 }], ['square', { x: 300, y: 100 }]]));
    applyLayout(s, new Map([['x', { x: 0, y: 0 }]]));
    expect(s.state.history.past.map((e) => e.label)).toEqual(['auto layout', 'auto layout']);
  });
  it('copySelection then pasteFromClipboard twice makes shifted copies with fresh ids and their wire', () => {
    const s = store();
    expect(pasteFromClipboard(s)).toBe(false);
    s.select(['x', 'square']);
    expect(copySelection(s)).toBe(true);
    pasteFromClipboard(s);
    expect(s.state.selection).toEqual(['x_2', 'square_2']);
    expect(present(s).nodes.find((n) => n.id === 'x_2')?.position).toEqual({ x: 40, y: 40 });
    expect(present(s).edges).toContainEqual({ source: 'x_2', target: 'square_2', targetPort: 'x' });
    pasteFromClipboard(s);
    expect(present(s).nodes.find((n) => n.id === 'x_3')?.position).toEqual({ x: 80, y: 80 });
  });
  it('duplicateSelection copies the selection one step away and selects the copy', () => {
    const s = store();
    expect(duplicateSelection(s)).toBe(false);
    s.select(['square']);
    duplicateSelection(s);
    expect(s.state.selection).toEqual(['square_2']);
    expect(present(s).nodes.find((n) => n.id === 'square_2')?.position).toEqual({ x: 240, y: 40 });
  });

  it('applySelectChanges adds and removes ids, and leaves an unchanged selection as the same array', () => {
    const s = store();
    applySelectChanges(s, [{ type: 'select', id: 'x', selected: true }, { type: 'position', id: 'square' }]);
    expect(s.state.selection).toEqual(['x']);
    applySelectChanges(s, [{ type: 'select', id: 'square', selected: true }]);
    expect(s.state.selection).toEqual(['x', 'square']);
    const same = s.state.selection;
    applySelectChanges(s, [{ type: 'select', id: 'x', selected: true }]);
    expect(s.state.selection).toBe(same);
    applySelectChanges(s, [{ type: 'select', id: 'x', selected: false }, { type: 'select', id: 'square', selected: false }]);
    expect(s.state.selection).toEqual([]);
  });
});
