import { describe, expect, it } from 'vitest';
import { LabelBoard } from './labelBoard';

const left = { x: 0, y: 0, width: 176, height: 130 };
const right = { x: 200, y: 0, width: 176, height: 130 };
const short = 'M176,37 C188,37 188,37 200,37';
const size = { width: 80, height: 20 };

describe('LabelBoard', () => {
  it('places what the wires ask for against the scene, and tells its listeners once per batch, only when a spot changes', () => {
    const board = new LabelBoard();
    let calls = 0;
    const stop = board.subscribe(() => calls++);
    board.setScene([left, right], undefined);
    expect(board.spot('x->square.x')).toBeUndefined();

    board.set('x->square.x', short, size, false);
    // Read before the batch ends, it is already placed.
    expect(board.spot('x->square.x')).toBeNull(); // too short: shown on hover only
    board.flush();
    expect(calls).toBe(1);

    // Two changes in one batch: one placement, one call.
    board.set('square->scale.x', 'M376,37 C388,37 388,37 400,37', size, false);
    board.set('x->square.x', short, size, true);
    board.flush();
    expect(calls).toBe(2);
    const spot = board.spot('x->square.x')!;
    expect(spot.aside).toBe(true);

    // The same request again, or a scene that leaves the spot where it is: no news.
    board.set('x->square.x', short, size, true);
    board.setScene([left, right], undefined);
    board.flush();
    expect(calls).toBe(2);
    expect(board.spot('x->square.x')).toBe(spot);

    board.remove('x->square.x');
    board.flush();
    expect(board.spot('x->square.x')).toBeUndefined();
    expect(calls).toBe(3);
    stop();
    board.set('x->square.x', short, size, true);
    board.flush();
    expect(calls).toBe(3);
  });
});

describe('LabelBoard batching', () => {
  it('tells its listeners by itself at the end of the task', async () => {
    const board = new LabelBoard();
    let calls = 0;
    board.subscribe(() => calls++);
    board.setScene([left, right], undefined);
    board.set('x->square.x', short, size, true);
    board.set('x->square.x', short, size, false);
    expect(calls).toBe(0);
    await Promise.resolve();
    expect(calls).toBe(1);
    expect(board.spot('x->square.x')).toBeNull();
  });
});
