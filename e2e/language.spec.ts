import { readManifest } from '../scripts/sizeBudget';
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

/** The built file of each language's first-screen strings, as the page requests it. */
function stringsFiles(): { en: string; ja: string } {
  const manifest = readManifest(process.env.E2E_OUT ?? 'dist');
  return { en: `/${manifest['src/i18n/firstScreenMessages.ts?lang=en'].file}`, ja: `/${manifest['src/i18n/firstScreenMessages.ts?lang=ja'].file}` };
}

test('the page downloads the strings of its own language only, starting from its head; the other language’s download when it is switched to, and a reload in Japanese downloads only the Japanese', async ({ editor, page }) => {
  const strings = stringsFiles();
  const preloaded = (file: string) => page.locator(`head link[rel="modulepreload"][href="${file}"]`);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await editor.open();
  await expect(editor.control('toolbar.backward')).toHaveText('Backward');
  await page.waitForLoadState('networkidle');
  expect(fetched).toContain(strings.en);
  expect(fetched).not.toContain(strings.ja);
  await expect(preloaded(strings.en)).toHaveCount(1);
  await expect(preloaded(strings.ja)).toHaveCount(0);

  await editor.press('toolbar.lang');
  await expect(editor.control('toolbar.backward')).toHaveText('逆伝播');
  expect(fetched).toContain(strings.ja);

  fetched.length = 0;
  await page.reload();
  await editor.ready();
  await expect(editor.control('toolbar.backward')).toHaveText('逆伝播');
  await expect(editor.status).not.toContainText('shell.');
  await page.waitForLoadState('networkidle');
  expect(fetched).toContain(strings.ja);
  expect(fetched).not.toContain(strings.en);
  await expect(preloaded(strings.ja)).toHaveCount(1);
  await expect(preloaded(strings.en)).toHaveCount(0);
});

test('a switch whose strings cannot download says so, the page stays in English with its graph, and the next press switches', async ({ editor, page }) => {
  const strings = stringsFiles();
  let offline = true;
  await page.route(`**${strings.ja}`, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await editor.open();
  const before = await editor.document();
  await editor.press('toolbar.lang');
  await expect(page.getByTestId('notice')).toContainText('could not be downloaded');
  await expect(editor.control('toolbar.backward')).toHaveText('Backward');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect((await editor.snapshot()).lang).toBe('en');
  expect(await editor.document()).toEqual(before);

  offline = false;
  await editor.press('toolbar.lang');
  await expect(editor.control('toolbar.backward')).toHaveText('逆伝播');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});
