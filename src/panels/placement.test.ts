import { describe, expect, it } from 'vitest';
import { NODE_HALF, NUDGE, placeAtCentre } from './placement';

describe('placeAtCentre', () => {
  it("placeAtCentre puts the node's middle at the point, rounded", () => {
    expect(placeAtCentre({ x: 100.4, y: 50.6 }, [])).toEqual({ x: Math.round(100.4 - NODE_HALF.x), y: Math.round(50.6 - NODE_HALF.y) });
  });

  it('placeAtCentre nudges a node off the ones already there', () => {
    const first = placeAtCentre({ x: 0, y: 0 }, []);
    const second = placeAtCentre({ x: 0, y: 0 }, [first]);
    expect(second).toEqual({ x: first.x + NUDGE, y: first.y + NUDGE });
    expect(placeAtCentre({ x: 0, y: 0 }, [first, second])).toEqual({ x: first.x + 2 * NUDGE, y: first.y + 2 * NUDGE });
  });
});
