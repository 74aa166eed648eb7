import { test as base, expect } from '@playwright/test';
import { Editor } from './pages/Editor';

/** x = arange(-2, 2.1, 0.25): 17 points from -2 to 2. */
export const XS = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);

/**
 * `test` with an `editor` page object, and a guard that fails any test whose page threw
 * or whose requests failed: a broken app must not pass by accident.
 */
export const test = base.extend<{ editor: Editor; pageErrors: string[] }>({
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
