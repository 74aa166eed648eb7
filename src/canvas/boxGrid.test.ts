import { describe, expect, it } from 'vitest';
import { BoxGrid } from './boxGrid';
import type { Box } from './minimapPlacement';

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('BoxGrid', () => {
  it('finds exactly the boxes that overlap an area, each once, as a scan of every box would', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const boxes: Box[] = Array.from({ length: 2000 }, () => ({ x: random() * 20000 - 10000, y: random() * 20000 - 10000, width: random() * 900, height: random() * 300 }));
    const grid = new BoxGrid(boxes);
    for (let k = 0; k < 200; k++) {
      const area = { x: random() * 20000 - 10000, y: random() * 20000 - 10000, width: random() * 1500, height: random() * 1500 };
      const found = grid.near(area);
      expect(new Set(found).size).toBe(found.length);
      expect(new Set(found)).toEqual(new Set(boxes.filter((b) => overlaps(b, area))));
    }
  });

  it('finds a box added later, and none in an empty grid', () => {
    const grid = new BoxGrid();
    const area = { x: 0, y: 0, width: 10, height: 10 };
    expect(grid.near(area)).toEqual([]);
    const b = { x: 5, y: 5, width: 1, height: 1 };
    grid.add(b);
    expect(grid.near(area)).toEqual([b]);
    expect(grid.near({ x: 6, y: 6, width: 10, height: 10 })).toEqual([]);
  });
});
