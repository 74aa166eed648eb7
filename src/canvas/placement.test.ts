import { describe, expect, it } from 'vitest';
import { freeSpot, nodeTopLeftAt, NUDGE, snapToGrid } from './placement';

describe('placement', () => {
  it('snapToGrid rounds to the nearest 20', () => {
    expect(snapToGrid({ x: 29, y: -31 })).toEqual({ x: 20, y: -40 });
  });
  it('nodeTopLeftAt centres the node under the point, on the grid', () => {
    expect(nodeTopLeftAt({ x: 300, y: 200 })).toEqual({ x: 220, y: 180 });
    expect(nodeTopLeftAt({ x: 100.4, y: 50.6 })).toEqual({ x: 20, y: 40 });
  });
  it('freeSpot steps past nodes already at the spot, or within a grid step of it', () => {
    expect(freeSpot({ x: 0, y: 0 }, [])).toEqual({ x: 0, y: 0 });
    expect(freeSpot({ x: 0, y: 0 }, [{ x: 0, y: 0 }, { x: NUDGE + 7, y: NUDGE - 5 }])).toEqual({ x: 2 * NUDGE, y: 2 * NUDGE });
    expect(freeSpot({ x: 0, y: 0 }, [{ x: 20, y: 0 }])).toEqual({ x: 0, y: 0 });
  });
});
