import { describe, expect, it } from 'vitest';
import { minimapBoxes, minimapFrame } from './boxMinimap';
import { NODE_HEIGHT, NODE_WIDTH } from './placement';

const node = (x: number, y: number, width?: number, height?: number, hidden = false) => ({ hidden, measured: { width, height }, internals: { positionAbsolute: { x, y } } });

describe('minimapBoxes', () => {
  it('boxes every shown node (estimated size where not measured) and bounds them all', () => {
    const r = minimapBoxes([node(0, 0, 100, 50), node(300, -40), node(5000, 5000, 10, 10, true)]);
    expect(r.boxes).toEqual([
      { x: 0, y: 0, width: 100, height: 50 },
      { x: 300, y: -40, width: NODE_WIDTH, height: NODE_HEIGHT },
    ]);
    expect(r.bounds).toEqual({ x: 0, y: -40, width: 300 + NODE_WIDTH, height: Math.max(50 + 40, NODE_HEIGHT) });
    expect(minimapBoxes([]).bounds).toBeNull();
  });
});

describe('minimapFrame', () => {
  it('frames the nodes and the view together, centred, with 5 px of room, as React Flow does', () => {
    // 1400 × 900 flow units in a 140 × 90 px map: 10 units per px, 50 units of room on each side.
    const f = minimapFrame({ x: 0, y: 0, width: 1400, height: 600 }, { x: 0, y: 300, width: 700, height: 600 }, { width: 140, height: 90 });
    expect(f).toEqual({ x: -50, y: -50, width: 1500, height: 1000, unitsPerPx: 1500 / 140 });
    // A tall graph is centred across.
    const tall = minimapFrame({ x: 0, y: 0, width: 100, height: 900 }, { x: 0, y: 0, width: 100, height: 100 }, { width: 140, height: 90 });
    expect(tall.x + tall.width / 2).toBeCloseTo(50);
    expect(tall.y).toBeCloseTo(-50);
  });
});
