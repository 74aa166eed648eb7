import { describe, expect, it } from 'vitest';
import { inputSideView } from './inputSideView';

describe('inputSideView', () => {
  it('keeps a fitted view that was not clamped, or a graph that fits across at the minimum zoom', () => {
    expect(inputSideView({ x: 0, y: 0, width: 800, height: 300 }, 1000, { x: 10, y: 20, zoom: 1.1 }, 0.8, 0.08, 40)).toBeNull();
    expect(inputSideView({ x: 0, y: 0, width: 1100, height: 900 }, 1000, { x: 10, y: 20, zoom: 0.8 }, 0.8, 0.08, 40)).toBeNull();
  });

  it('moves a clamped wide graph so its left (input) edge is a margin inside the canvas, at the same zoom and height', () => {
    const v = inputSideView({ x: -200, y: 0, width: 2000, height: 300 }, 1000, { x: -300, y: 40, zoom: 0.8 }, 0.8, 0.08, 40);
    expect(v).toEqual({ x: 40 + 200 * 0.8, y: 40, zoom: 0.8 });
    // The left edge lands at 40 px on screen.
    expect(-200 * v!.zoom + v!.x).toBeCloseTo(40);
  });
});
