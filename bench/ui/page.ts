import type { Page } from 'playwright';

/** Frames counted with requestAnimationFrame over a stretch of time: frames per second and the longest frame. */
export interface FrameRate {
  readonly fps: number;
  readonly worstMs: number;
}

/** Starts counting the page's frames; the returned function stops and reports. */
export async function countFrames(page: Page): Promise<() => Promise<FrameRate>> {
  // As text: the bundler would wrap a named function for the page in a helper the page does not have.
  await page.evaluate(`(() => {
    const rec = { stamps: [], on: true };
    window.__frames = rec;
    const frame = (t) => {
      rec.stamps.push(t);
      if (rec.on) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })()`);
  return () =>
    page.evaluate(() => {
      const rec = (window as unknown as { __frames: { stamps: number[]; on: boolean } }).__frames;
      rec.on = false;
      const s = rec.stamps;
      if (s.length < 2) return { fps: 0, worstMs: NaN };
      const gaps = s.slice(1).map((v, i) => v - s[i]);
      return { fps: (s.length - 1) / ((s[s.length - 1] - s[0]) / 1000), worstMs: Math.max(...gaps) };
    });
}

/** Counts frames for `ms` milliseconds. */
export async function frameRateFor(page: Page, ms: number): Promise<FrameRate> {
  const stop = await countFrames(page);
  await page.waitForTimeout(ms);
  return stop();
}

/** Waits until the page has painted twice more (what is on screen includes everything rendered before). */
export function painted(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/** A point on the canvas's empty background (where a drag pans), in page px; null when nodes cover every probe. */
export function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number } | null> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="canvas"]');
    if (!canvas) return null;
    const r = canvas.getBoundingClientRect();
    // From the middle outwards, so the drag has room on every side.
    for (let d = 0; d < Math.min(r.width, r.height) / 2; d += 6) {
      for (const [fx, fy] of [[0, 1], [1, 0], [0, -1], [-1, 0]]) {
        const x = r.left + r.width / 2 + fx * d;
        const y = r.top + r.height / 2 + fy * d;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
}
