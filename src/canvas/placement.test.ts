import { describe, expect, it } from 'vitest';
import { createNode, emptyDocument } from '../store/edits';
import { freeSpot, nodeTopLeftAt, snapToGrid } from './placement';

describe('placement', () => {
  it('snapToGrid rounds to the nearest 20', () => {
    expect(snapToGrid({ x: 29, y: -31 })).toEqual({ x: 20, y: -40 });
  });
  it('nodeTopLeftAt centres the node under the drop point, on the grid', () => {
    expect(nodeTopLeftAt({ x: 300, y: 200 })).toEqual({ x: 220, y: 180 });
  });
  it('freeSpot steps past nodes already at the spot', () => {
    const doc = emptyDocument();
    expect(freeSpot(doc, { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
    doc.nodes.push(createNode('square', 'a', { x: 0, y: 0 }), createNode('square', 'b', { x: 40, y: 40 }));
    expect(freeSpot(doc, { x: 0, y: 0 })).toEqual({ x: 80, y: 80 });
  });
});
