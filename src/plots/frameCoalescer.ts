import type { FrameScheduler } from '../session/Session';

/** The page's animation frames, or a 16 ms timer where there are none (Node tests). */
export function pageFrames(): FrameScheduler {
  if (typeof requestAnimationFrame === 'function') return { request: (cb) => requestAnimationFrame(cb), cancel: (id) => cancelAnimationFrame(id) };
  return { request: (cb) => setTimeout(() => cb(Date.now()), 16) as unknown as number, cancel: (id) => clearTimeout(id) };
}

/**
 * Runs a callback at most once per animation frame however often it is asked for: the first
 * request of a frame books the frame, later ones before it only replace what runs then.
 */
export class FrameCoalescer {
  private frame = 0;
  private pending: (() => void) | null = null;

  constructor(private readonly frames: FrameScheduler) {}

  /** Runs `run` at the next frame, in place of anything requested before it in this frame. */
  request(run: () => void): void {
    this.pending = run;
    if (this.frame !== 0) return;
    this.frame = this.frames.request(() => {
      this.frame = 0;
      const r = this.pending;
      this.pending = null;
      r?.();
    });
  }

  /** Drops what was requested (the view is going away). */
  cancel(): void {
    if (this.frame !== 0) this.frames.cancel(this.frame);
    this.frame = 0;
    this.pending = null;
  }
}
