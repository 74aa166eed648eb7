import { describe, expect, it } from 'vitest';
import { layoutLeftToRight } from './autoLayout';

const box = (id: string, width = 180, height = 120) => ({ id, width, height });

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }, w: number, h: number) {
  return a.x < b.x + w && b.x < a.x + w && a.y < b.y + h && b.y < a.y + h;
}

describe('layoutLeftToRight', () => {
  it('layoutLeftToRight(chain x → square → scale → y → z) puts each node right of the one feeding it', () => {
    const ids = ['x', 'square', 'scale', 'y', 'z'];
    const links = ids.slice(1).map((t, i) => ({ source: ids[i], target: t }));
    const pos = layoutLeftToRight(ids.map((id) => box(id)), links);
    for (const l of links) expect(pos.get(l.target)!.x).toBeGreaterThan(pos.get(l.source)!.x + 180);
    // A chain is one row.
    expect(new Set(ids.map((id) => pos.get(id)!.y)).size).toBe(1);
  });

  it('layoutLeftToRight puts two inputs of one node in the same column without overlap', () => {
    const pos = layoutLeftToRight([box('a'), box('b'), box('add')], [
      { source: 'a', target: 'add' },
      { source: 'b', target: 'add' },
    ]);
    expect(pos.get('a')!.x).toBe(pos.get('b')!.x);
    expect(overlaps(pos.get('a')!, pos.get('b')!, 180, 120)).toBe(false);
    expect(pos.get('add')!.x).toBeGreaterThan(pos.get('a')!.x);
  });

  it('layoutLeftToRight snaps every position to the grid', () => {
    const pos = layoutLeftToRight([box('a', 173, 97), box('b', 181, 133)], [{ source: 'a', target: 'b' }], { grid: 20, rankGap: 77, nodeGap: 33 });
    for (const p of pos.values()) {
      expect(p.x % 20).toBe(0);
      expect(p.y % 20).toBe(0);
    }
  });

  it('layoutLeftToRight places unconnected nodes without overlap and ignores wires to unknown nodes', () => {
    const boxes = ['p', 'q', 'r'].map((id) => box(id));
    const pos = layoutLeftToRight(boxes, [{ source: 'p', target: 'missing' }]);
    expect(pos.size).toBe(3);
    const all = [...pos.values()];
    for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i], all[j], 180, 120)).toBe(false);
  });

  it('layoutLeftToRight of nothing is empty', () => {
    expect(layoutLeftToRight([], []).size).toBe(0);
  });

  it('layoutLeftToRight is deterministic', () => {
    const boxes = ['a', 'b', 'c', 'd'].map((id) => box(id));
    const links = [{ source: 'a', target: 'c' }, { source: 'b', target: 'c' }, { source: 'c', target: 'd' }];
    expect([...layoutLeftToRight(boxes, links)]).toEqual([...layoutLeftToRight(boxes, links)]);
  });
});
