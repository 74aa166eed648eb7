import { describe, expect, it } from 'vitest';
import { labelOnDemand, labelSize, leaderEnd, placeLabel, placeLabels, pointAlong, wirePoints } from './labelPlacement';
import type { Box } from './minimapPlacement';

const size = { width: 60, height: 18 };

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

// Two nodes side by side, 24 px apart, as the composite function's row; the wire runs between their handles.
const left = { x: 0, y: 0, width: 176, height: 130 };
const right = { x: 200, y: 0, width: 176, height: 130 };
const shortWire = wirePoints('M176,37 C188,37 188,37 200,37');

describe('placeLabel', () => {
  it('puts the label above the middle of a long wire with nothing in the way', () => {
    const spot = placeLabel(wirePoints('M0,100 C150,100 150,100 300,100'), size, [], false)!;
    expect(spot).toMatchObject({ x: 120, y: 100 - 3 - 18, aside: false });
    expect(spot.anchor.x).toBeCloseTo(150);
  });

  it('moves along the wire, away from a node that covers its middle', () => {
    const wire = wirePoints('M0,100 L400,100');
    const blocker = { x: 150, y: 60, width: 100, height: 80 };
    const spot = placeLabel(wire, size, [blocker], false)!;
    expect(overlaps(spot, blocker)).toBe(false);
    expect(spot.aside).toBe(false);
    // It stays on the wire: its anchor is a point of the wire, and the label touches the wire's height.
    expect(spot.anchor.y).toBeCloseTo(100);
    expect(spot.y - 20).toBeLessThan(100);
    expect(spot.y + spot.height + 20).toBeGreaterThan(100);
  });

  it('hides a small label on a wire too short for it (null), rather than cover a node', () => {
    expect(placeLabel(shortWire, size, [left, right], false)).toBeNull();
  });

  it("puts the current wire's label beside a short wire, in the nearest free place, covering neither node", () => {
    const spot = placeLabel(shortWire, size, [left, right], true)!;
    expect(spot.aside).toBe(true);
    expect(overlaps(spot, left)).toBe(false);
    expect(overlaps(spot, right)).toBe(false);
    // Above the nodes (the nearest free side here), with room kept.
    expect(spot.y + spot.height).toBeLessThanOrEqual(left.y - 4);
    expect(spot.anchor.x).toBeCloseTo(188);
    expect(leaderEnd(spot)).toEqual({ x: 188, y: spot.y + spot.height });
  });

  it('goes below when the space above is taken, and gives up when both are', () => {
    const above = { x: 0, y: -500, width: 400, height: 500 };
    const spot = placeLabel(shortWire, size, [left, right, above], true)!;
    expect(spot.y).toBeGreaterThanOrEqual(left.y + left.height + 4);
    expect(leaderEnd(spot)).toEqual({ x: spot.x + 30, y: spot.y });
    const below = { x: 0, y: 130, width: 400, height: 500 };
    expect(placeLabel(shortWire, size, [left, right, above, below], true)).toBeNull();
  });

  it('never returns a box that covers a node, for wires in many directions', () => {
    const nodes = [left, right, { x: 100, y: 200, width: 176, height: 130 }];
    for (const d of ['M176,37 C300,37 0,237 100,237', 'M376,37 C500,37 -24,300 100,300', 'M176,80 C200,80 176,250 100,250']) {
      for (const aside of [false, true]) {
        const spot = placeLabel(wirePoints(d), size, nodes, aside);
        if (spot) for (const n of nodes) expect(overlaps(spot, n), `${d} ${aside}`).toBe(false);
      }
    }
  });
});

describe('placeLabel inside the view', () => {
  it('keeps the current label on screen: below the nodes when above is scrolled away', () => {
    const view = { x: -50, y: -10, width: 500, height: 400 };
    const spot = placeLabel(shortWire, size, [left, right], true, view)!;
    expect(spot.y).toBeGreaterThanOrEqual(130);
    expect(placeLabel(shortWire, size, [left, right], true, { x: -50, y: -10, width: 500, height: 145 })).toBeNull();
  });
});

describe('placeLabels', () => {
  // p feeds both ports of m (wires 10 px apart) and, further on, a: one backward event lights all three.
  const p = { x: 0, y: 100, width: 176, height: 130 };
  const m = { x: 260, y: 0, width: 176, height: 160 };
  const a = { x: 520, y: 100, width: 176, height: 130 };
  const nodes = [p, m, a];
  const wires = {
    'p->m.a': wirePoints('M176,140 C218,140 218,37 260,37'),
    'p->m.b': wirePoints('M176,140 C218,140 218,47 260,47'),
    'p->a.b': wirePoints('M176,140 C348,140 348,150 520,150'),
  };
  it('places the labels of wires lit at once clear of the nodes and of each other', () => {
    const requests = Object.entries(wires).map(([id, wire]) => ({ id, wire, size: { width: 110, height: 21 }, active: true }));
    const spots = placeLabels(requests, nodes);
    const placed = [...spots.values()];
    expect(placed.every((s) => s !== null)).toBe(true);
    for (const s of placed) for (const n of nodes) expect(overlaps(s!, n)).toBe(false);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!)).toBe(false);
  });
  it('lets the current wires choose first, and is the same whatever order the wires ask in', () => {
    const requests = [
      { id: 'p->m.a', wire: wires['p->m.a'], size: { width: 110, height: 18 }, active: false },
      { id: 'p->a.b', wire: wires['p->a.b'], size: { width: 110, height: 21 }, active: true },
    ];
    const one = placeLabels(requests, nodes);
    expect(placeLabels([...requests].reverse(), nodes)).toEqual(one);
    expect(one.get('p->a.b')).not.toBeNull();
  });
});

describe('labelOnDemand', () => {
  it('is above the middle of the wire, whatever is there', () => {
    expect(labelOnDemand(shortWire, size)).toMatchObject({ x: 158, y: 37 - 3 - 18, aside: false });
  });
});

describe('wirePoints and pointAlong', () => {
  it('samples React Flow’s cubic path from its source to its target', () => {
    const p = wirePoints('M0,0 C50,0 50,100 100,100', 4);
    expect(p).toHaveLength(5);
    expect(p[0]).toEqual({ x: 0, y: 0 });
    expect(p[4]).toEqual({ x: 100, y: 100 });
    expect(p[2]).toEqual({ x: 50, y: 50 });
  });
  it('reads another path as the straight line from its first point to its last, and nothing as no points', () => {
    expect(pointAlong(wirePoints('M0,0 L10,0 L40,0'), 0.5)).toEqual({ x: 20, y: 0 });
    expect(wirePoints('')).toEqual([]);
  });
  it('pointAlong measures by length, not by sample index', () => {
    expect(pointAlong([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 30 }], 0.5)).toEqual({ x: 10, y: 10 });
  });
});

describe('labelSize', () => {
  it('grows with the text and is larger for the current wire', () => {
    const small = labelSize('→ 85', false);
    expect(small.width).toBeGreaterThan(labelSize('→ 8', false).width);
    expect(labelSize('→ 85', true).width).toBeGreaterThan(small.width);
    expect(labelSize('→ 85', true).height).toBeGreaterThan(small.height);
  });
});
