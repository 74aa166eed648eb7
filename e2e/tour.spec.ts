import type { Page } from '@playwright/test';
import { bookRun } from './bookRun';
import { expect, test } from './fixtures';

// The screens a learner meets when something goes wrong, in both languages, at the size the
// project reviews them (1440×900); each is asserted before it is saved.
test.use({ viewport: { width: 1440, height: 900 } });

/** Types into a field and commits it the way a person does: Enter. */
async function setField(page: Page, testId: string, value: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill(value);
  await field.press('Enter');
}

test('a run that blows up stops at epoch 25 and says so on the panel and the node, in English and Japanese', async ({ editor, page }) => {
  test.setTimeout(60_000);
  await editor.open();
  await editor.importFile({ name: 'boston-mse-half.json', buffer: Buffer.from(JSON.stringify(bookRun())) });
  await page.getByTestId('side.tab.train').click();
  await setField(page, 'train.lr', '0.01');
  await setField(page, 'train.epochs', '5000');
  await page.getByTestId('train.start').click();
  const message = page.getByTestId('train.divergence');
  await expect(message).toContainText('Training stopped at epoch 25', { timeout: 30_000 });
  await expect(page.getByTestId('node.half.mark')).toContainText('Training stopped at epoch 25');
  await editor.screenshot('96-tour-divergence-en');
  await editor.press('toolbar.lang');
  await expect(message).toContainText('エポック 25 で学習を止めました');
  await expect(page.getByTestId('node.half.mark')).toContainText('エポック 25 で学習を止めました');
  await editor.screenshot('96-tour-divergence-ja');
});

test('linear(100000, 100000) typed in the inspector shows the limit instead of building 10¹⁰ numbers, in English and Japanese', async ({ editor, page }) => {
  await editor.open();
  await editor.openExample('linear-regression-module');
  await editor.select('linear');
  await setField(page, 'inspector.attr.inFeatures', '100000');
  await setField(page, 'inspector.attr.outFeatures', '100000');
  const error = page.getByTestId('inspector.error.weight.size');
  await expect(error).toContainText('exceeds the limit of 4,000,000');
  await editor.screenshot('97-tour-too-large-en');
  await editor.press('toolbar.lang');
  await expect(error).not.toContainText('exceeds the limit');
  await expect(error).toContainText('4,000,000');
  await editor.screenshot('97-tour-too-large-ja');
});

test('a damaged stored document is listed in Recent with Export raw text and Discard, in Japanese', async ({ editor, page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded') === null) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('gradcanvas.lang', 'ja');
      localStorage.setItem('gradcanvas.autosave.v1', '{"file": "{\\"format\\": \\"gradcanvas-graph\\", \\"nodes\\": [ cut here');
    }
  });
  await editor.open();
  await expect(editor.notice).toBeVisible();
  await editor.screenshot('98-tour-damaged-notice-ja');
  await editor.press('notice.close');
  const list = await editor.openRecentMenu();
  const damaged = list.locator('[data-damaged="true"]');
  await expect(damaged).toHaveCount(1);
  await expect(damaged.getByRole('button')).toHaveCount(2);
  await editor.screenshot('98-tour-recent-damaged-ja');
});
