import { test as base, expect } from '@playwright/test';
import { Editor } from './pages/Editor';

/** x = arange(-2, 2.1, 0.25): 17 points from -2 to 2. */
export const XS = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);

/**
 * `test` with an `editor` page object, and a guard that fails any test whose page threw
 * or whose requests failed: a broken app must not pass by accident. Each page starts as a
 * returning learner who has answered the first-visit welcome (the lessons' stored progress
 * says so) unless a spec sets `firstVisit: true`.
 */
export const test = base.extend<{ editor: Editor; pageErrors: string[]; firstVisit: boolean }>({
  firstVisit: [false, { option: true }],
  page: async ({ page, firstVisit }, use) => {
    if (!firstVisit) {
      await page.addInitScript(() => {
        try {
          if (localStorage.getItem('gradcanvas.lessons.v1') === null) localStorage.setItem('gradcanvas.lessons.v1', JSON.stringify({ done: {}, open: null, welcomeSeen: true }));
        } catch {
          // Storage blocked: the page shows the welcome, which does not block the canvas.
        }
      });
    }
    await use(page);
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await use(errors);
    expect(errors, 'no page errors or failed requests').toEqual([]);
  },
  editor: async ({ page, pageErrors }, use) => {
    void pageErrors;
    await use(new Editor(page));
  },
});

export { expect };
