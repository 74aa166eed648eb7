import { expect, test } from './fixtures';
import { Editor } from './pages/Editor';

test('a share link opens the same graph in a fresh browser context', async ({ editor, browser }) => {
  await editor.open();
  await editor.openExample('sigmoid-function');
  await expect.poll(async () => (await editor.document()).name).toBe('Sigmoid y = σ(x)');
  const shared = await editor.document();
  await editor.press('file.share');
  const field = editor.control('file.shareLink');
  await expect(field).toHaveValue(/#graph=/);
  const link = await field.inputValue();
  await editor.screenshot('50-share-link');

  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const other = new Editor(page);
    await page.goto(link);
    await other.ready();
    await expect.poll(() => other.document()).toEqual(shared);
    expect(new URL(page.url()).hash, 'the hash is taken out of the address once opened').toBe('');
    expect((await other.snapshot()).history.undo).toEqual([]);
    await other.screenshot('51-share-link-opened');
    // The shared graph is now this context's work: a reload keeps it.
    await other.waitForAutosave();
    await page.reload();
    await other.ready();
    expect(await other.document()).toEqual(shared);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a damaged share link says so and opens the example instead', async ({ editor }) => {
  await editor.open('/#graph=not-a-graph');
  await expect(editor.notice).toContainText('share link');
  expect((await editor.document()).name).toBe('Composite function y = 2x² + 2');
});
