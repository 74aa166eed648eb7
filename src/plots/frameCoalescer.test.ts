import { describe, expect, it } from 'vitest';
import { FrameCoalescer } from './frameCoalescer';

/** Frames the test advances by hand. */
function manualFrames() {
  const queue = new Map<number, (t: number) => void>();
  let next = 1;
  return {
    frames: {
      request: (cb: (t: number) => void) => {
        queue.set(next, cb);
        return next++;
      },
      cancel: (id: number) => void queue.delete(id),
    },
    /** Runs the frame: every callback booked for it. */
    tick() {
      const due = [...queue.values()];
      queue.clear();
      for (const cb of due) cb(0);
    },
    get booked() {
      return queue.size;
    },
  };
}

describe('FrameCoalescer', () => {
  it('several updates in one frame draw once, with the latest', () => {
    const f = manualFrames();
    const c = new FrameCoalescer(f.frames);
    const drawn: number[] = [];
    for (const v of [1, 2, 3]) c.request(() => drawn.push(v));
    expect(drawn).toEqual([]);
    expect(f.booked).toBe(1);
    f.tick();
    expect(drawn).toEqual([3]);
    f.tick();
    expect(drawn).toEqual([3]);
  });

  it('an update in a later frame draws again; a cancelled one never draws', () => {
    const f = manualFrames();
    const c = new FrameCoalescer(f.frames);
    const drawn: string[] = [];
    c.request(() => drawn.push('a'));
    f.tick();
    c.request(() => drawn.push('b'));
    f.tick();
    c.request(() => drawn.push('c'));
    c.cancel();
    f.tick();
    expect(drawn).toEqual(['a', 'b']);
    expect(f.booked).toBe(0);
  });
});
