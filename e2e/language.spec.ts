import { expect, test } from './fixtures';

test('switch to Japanese and back; the choice is remembered after a reload', async ({ editor, page }) => {
  await editor.open();
  const backward = editor.control('toolbar.backward');
  await expect(backward).toHaveText('Backward');

  await editor.press('toolbar.lang');
  await expect(backward).toHaveText('逆伝播');
  await expect(editor.control('toolbar.zeroGrad')).toHaveText('勾配をゼロにする');
  await expect(editor.control('toolbar.forward')).toHaveText('順伝播');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  expect((await editor.snapshot()).lang).toBe('ja');
  await backward.click();
  await expect(editor.status).toContainText('逆伝播を1回実行しました');
  await editor.screenshot('60-japanese');

  await page.reload();
  await editor.ready();
  await expect(backward).toHaveText('逆伝播');

  await editor.press('toolbar.lang');
  await expect(backward).toHaveText('Backward');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await editor.ready();
  await expect(backward).toHaveText('Backward');
  expect((await editor.snapshot()).lang).toBe('en');
});
