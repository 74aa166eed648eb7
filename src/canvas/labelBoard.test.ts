import { describe, expect, it } from 'vitest';
import { LabelBoard } from './labelBoard';

const left = { x: 0, y: 0, width: 176, height: 130 };
const right = { x: 200, y: 0, width: 176, height: 130 };
const short = 'M176,37 C188,37 188,37 200,37';
const size = { width: 80, height: 20 };

describe('LabelBoard', () => {
  it('places what the wires ask for against the scene, and tells its listeners only when a spot changes', () => {
    const board = new LabelBoard();
    let calls = 0;
    const stop = board.subscribe(() => calls++);
    board.setScene([left, right], undefined);
    expect(board.spot('x->square.x')).toBeUndefined();

    board.set('x->square.x', short, size, false);
    expect(board.spot('x->square.x')).toBeNull(); // too short: shown on hover only
    expect(calls).toBe(1);

    board.set('x->square.x', short, size, true);
    const spot = board.spot('x->square.x')!;
    expect(spot.aside).toBe(true);
    expect(calls).toBe(2);

    // The same request again, or a scene that leaves the spot where it is: no news.
    board.set('x->square.x', short, size, true);
    board.setScene([left, right], undefined);
    expect(calls).toBe(2);
    expect(board.spot('x->square.x')).toBe(spot);

    board.remove('x->square.x');
    expect(board.spot('x->square.x')).toBeUndefined();
    expect(calls).toBe(3);
    stop();
    board.set('x->square.x', short, size, true);
    expect(calls).toBe(3);
  });
});
