import { line } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import { CHUNK_VERTICES, type CurveDrawing, type CurveFrame, CurvePath } from './curvePath';

/** A plot 400 px wide over epochs [1, end], values [0, top] upwards over 200 px; finite values only. */
function frameOf(end: number, top = 10): CurveFrame {
  return {
    x: (e) => 40 + ((e - 1) / (end - 1)) * 400,
    y: (v) => 220 - (v / top) * 200,
    drawable: (v) => Number.isFinite(v),
    key: `${end} ${top}`,
  };
}

/** The whole path a drawing stands for, as one list of vertices (chunks share their joining vertex). */
function vertices(d: CurveDrawing): string[] {
  const parts = [...d.chunks, d.live].filter((p) => p !== '').map((p) => p.slice(1).split('L'));
  return parts.flatMap((p, k) => (k === 0 ? p : p.slice(1)));
}

/** A series of `n` epochs from 1 with a seeded wobble and a spike at 7,000. */
function series(n: number): { epochs: number[]; values: number[] } {
  const epochs = Array.from({ length: n }, (_, i) => i + 1);
  let seed = 7;
  const values = epochs.map((e) => {
    seed = (seed * 16807) % 2147483647;
    return e === 7000 ? 9.5 : 5 / Math.sqrt(e) + (seed / 2147483647) * 0.3;
  });
  return { epochs, values };
}

describe('CurvePath', () => {
  it('the path after N appends is the path drawn at once', () => {
    const { epochs, values } = series(20_000);
    const frame = frameOf(20_000);
    const once = new CurvePath().update(epochs, values, frame);
    const grown = new CurvePath();
    expect(grown.update([], [], frame).vertices).toBe(0);
    for (let n = 1; n <= 20_000; n += 1 + (n % 613)) grown.update(epochs.slice(0, n), values.slice(0, n), frame);
    expect(grown.update(epochs, values, frame)).toEqual(once);
    expect(once.chunks.length).toBeGreaterThan(1);
  });

  it('keeps finished chunks as they are while the curve grows, and draws again when the frame changes', () => {
    const { epochs, values } = series(20_000);
    const path = new CurvePath();
    const a = path.update(epochs.slice(0, 15_000), values.slice(0, 15_000), frameOf(20_000));
    const b = path.update(epochs.slice(0, 15_100), values.slice(0, 15_100), frameOf(20_000));
    expect(b.chunks.slice(0, a.chunks.length)).toEqual(a.chunks);
    // Only the new epochs (and the latest, drawn again) are placed.
    let placed = 0;
    const counting = { ...frameOf(20_000), x: (e: number) => (placed++, frameOf(20_000).x(e)) };
    path.update(epochs.slice(0, 15_200), values.slice(0, 15_200), counting);
    expect(placed).toBeLessThanOrEqual(102);
    const rescaled = path.update(epochs.slice(0, 15_100), values.slice(0, 15_100), frameOf(30_000));
    expect(rescaled).toEqual(new CurvePath().update(epochs.slice(0, 15_100), values.slice(0, 15_100), frameOf(30_000)));
  });

  it('draws every point while each pixel column holds few, as a line through all of them', () => {
    const epochs = [1, 2, 3, 4, 5];
    const values = [8, 6, Number.NaN, 3, 2.5];
    const frame = frameOf(5);
    const d = new CurvePath().update(epochs, values, frame);
    const whole = line<number>()
      .x((i) => frame.x(epochs[i]))
      .y((i) => frame.y(values[i]))([0, 1, 3, 4]);
    expect(`M${vertices(d).join('L')}`).toBe(whole);
    expect(d.vertices).toBe(4);
  });

  it('summarises a long history per pixel column, keeping its spike, and bounds the vertices', () => {
    const { epochs, values } = series(200_000);
    const d = new CurvePath().update(epochs, values, frameOf(200_000));
    expect(d.vertices).toBeLessThanOrEqual(4 * 401);
    const ys = vertices(d).map((v) => Number(v.split(',')[1]));
    // 9.5 at epoch 7,000 is 190 px above the axis, at y = 30.
    expect(Math.min(...ys)).toBe(30);
  });

  it('replaces the latest point when the history does, and starts again when the history is thinned', () => {
    const frame = frameOf(100);
    const path = new CurvePath();
    path.update([1, 2, 3], [5, 4, 3.5], frame);
    const replaced = path.update([1, 2, 3, 4], [5, 4, 3.5, 1], frame);
    expect(replaced).toEqual(new CurvePath().update([1, 2, 3, 4], [5, 4, 3.5, 1], frame));
    const thinned = path.update([1, 3, 4], [5, 3.5, 1], frame);
    expect(thinned).toEqual(new CurvePath().update([1, 3, 4], [5, 3.5, 1], frame));
  });

  it('cuts the path into chunks of CHUNK_VERTICES that join at a shared vertex', () => {
    const n = 3 * CHUNK_VERTICES;
    const epochs = Array.from({ length: n }, (_, i) => i + 1);
    const values = epochs.map((e) => (e % 10) / 2);
    // 2 px per epoch: no two points share a pixel column.
    const frame: CurveFrame = { x: (e) => e * 2, y: (v) => 100 - v, drawable: Number.isFinite, key: 'k' };
    const d = new CurvePath().update(epochs, values, frame);
    expect(d.vertices).toBe(n);
    expect(d.chunks).toHaveLength(2);
    expect(d.chunks[0].slice(1).split('L')).toHaveLength(CHUNK_VERTICES + 1);
    expect(d.chunks[0].split('L').at(-1)).toBe(d.chunks[1].slice(1).split('L')[0]);
    expect(vertices(d)).toHaveLength(n);
  });
});
