import { describe, expect, it } from 'vitest';
import { freeCorner, minimapCorner } from './minimapPlacement';

const pane = { width: 900, height: 500 };
const map = { width: 140, height: 90 };
const still = { x: 0, y: 0, zoom: 1 };

describe('minimapCorner', () => {
  it('stays bottom-right when no node is there', () => {
    expect(minimapCorner([{ x: 0, y: 0, width: 176, height: 200 }], still, pane, map)).toBe('bottom-right');
  });
  it('moves to the top right when a node sits under its bottom-right place', () => {
    expect(minimapCorner([{ x: 700, y: 380, width: 176, height: 100 }], still, pane, map)).toBe('top-right');
  });
  it('is hidden when nodes fill both corners', () => {
    const nodes = [
      { x: 700, y: 380, width: 176, height: 100 },
      { x: 700, y: 0, width: 176, height: 100 },
    ];
    expect(minimapCorner(nodes, still, pane, map)).toBeNull();
  });
  it('places nodes by the viewport: panned and zoomed', () => {
    // At flow (350, 190) zoomed 2× the node lands at (700, 380) on screen.
    expect(minimapCorner([{ x: 350, y: 190, width: 88, height: 50 }], { x: 0, y: 0, zoom: 2 }, pane, map)).toBe('top-right');
    expect(minimapCorner([{ x: 700, y: 380, width: 176, height: 100 }], { x: -400, y: 0, zoom: 1 }, pane, map)).toBe('bottom-right');
  });
});

describe('freeCorner', () => {
  const buttons = { width: 28, height: 140 };
  it('keeps the canvas buttons bottom-left, and moves them up when a node sits there', () => {
    expect(freeCorner([{ x: 400, y: 0, width: 176, height: 200 }], still, pane, buttons, ['bottom-left', 'top-left'])).toBe('bottom-left');
    expect(freeCorner([{ x: 20, y: 300, width: 176, height: 150 }], still, pane, buttons, ['bottom-left', 'top-left'])).toBe('top-left');
    expect(freeCorner([{ x: 20, y: 0, width: 176, height: 500 }], still, pane, buttons, ['bottom-left', 'top-left'])).toBeNull();
  });
});
