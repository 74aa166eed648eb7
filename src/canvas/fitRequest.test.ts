import { describe, expect, it } from 'vitest';
import { nodesToFit, zoomToFit } from './fitRequest';

const FIT = { padding: 0.08, minZoom: 0.8 };
const IDS = ['x', 'square', 'scale', 'y', 'z'];

describe('fitting the canvas beside the Lessons panel', () => {
  it('zoomToFit is the zoom at which the padded box fills the narrower side', () => {
    expect(zoomToFit({ width: 1000, height: 100 }, 540, 400, 0.08)).toBeCloseTo(0.5, 12);
    expect(zoomToFit({ width: 100, height: 500 }, 540, 270, 0.08)).toBeCloseTo(0.5, 12);
  });

  it('a graph that fits at the minimum zoom is shown whole', () => {
    expect(nodesToFit({ width: 600, height: 200 }, IDS, ['x'], { width: 540, height: 400 }, FIT)).toEqual(IDS);
  });

  it('a graph too wide for the canvas at the minimum zoom is centred on the focused nodes (those on the canvas)', () => {
    expect(nodesToFit({ width: 980, height: 200 }, IDS, ['x', 'square', 'gone'], { width: 540, height: 400 }, FIT)).toEqual(['x', 'square']);
  });

  it('without focused nodes on the canvas, the whole graph is fitted (at the minimum zoom, centred)', () => {
    expect(nodesToFit({ width: 980, height: 200 }, IDS, [], { width: 540, height: 400 }, FIT)).toEqual(IDS);
    expect(nodesToFit({ width: 980, height: 200 }, IDS, ['gone'], { width: 540, height: 400 }, FIT)).toEqual(IDS);
  });
});
