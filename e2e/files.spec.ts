import { expect, test } from './fixtures';

test('Export downloads the graph file; importing it back gives the same document', async ({ editor, page }) => {
  await editor.open();
  await editor.press('toolbar.backward');
  const original = await editor.document();
  const exported = await editor.exportFile();
  expect(exported.name).toBe('composite-function-y-2x²-2.gradcanvas.json');
  expect(JSON.parse(exported.text)).toEqual(original);

  await editor.press('file.new');
  await expect.poll(async () => (await editor.document()).nodes.length).toBe(0);
  await editor.importFile(exported.path);
  await expect.poll(() => editor.document()).toEqual(original);
  const s = await editor.snapshot();
  expect(s.nodes.z.value).toEqual([85]);
  expect(s.history.undo.at(-1)).toContain('import');
  await expect(page.getByTestId('doc.name')).toHaveText('Composite function y = 2x² + 2');
  await editor.screenshot('40-imported-export');
});

test('a broken file shows every loader error with its path and leaves the graph untouched', async ({ editor }) => {
  await editor.open();
  const before = await editor.snapshot();
  const broken = JSON.parse(JSON.stringify(before.document)) as { nodes: { op: string; position: { x: unknown } }[]; extra?: number };
  broken.nodes[0].position.x = 'left';
  broken.nodes[1].op = 'sqaure';
  broken.extra = 1;
  await editor.importFile({ name: 'broken.gradcanvas.json', buffer: Buffer.from(JSON.stringify(broken)) });

  await expect(editor.notice).toBeVisible();
  await expect(editor.notice).toHaveAttribute('role', 'alert');
  await expect(editor.notice).toContainText('broken.gradcanvas.json');
  await expect(editor.notice.getByRole('listitem')).toHaveText([
    "nodes[0].position.x: must be a number, got 'left'",
    "nodes[1].op: unknown op 'sqaure'",
    'extra: unknown field',
  ]);
  const after = await editor.snapshot();
  expect(after.document).toEqual(before.document);
  expect(after.history).toEqual(before.history);
  await editor.screenshot('41-broken-file-errors');

  await editor.importFile({ name: 'not-json.json', buffer: Buffer.from('{"format": ') });
  await expect(editor.notice).toContainText('not valid JSON');
  expect(await editor.document()).toEqual(before.document);
});

test('dropping a .json file on the canvas imports it', async ({ editor }) => {
  await editor.open();
  const doc = await editor.document();
  const renamed = { ...doc, name: 'Dropped graph' };
  await editor.press('file.new');
  await expect.poll(async () => (await editor.document()).nodes.length).toBe(0);
  await editor.dropFile('dropped.gradcanvas.json', JSON.stringify(renamed));
  await expect.poll(() => editor.document()).toEqual(renamed);
});

test('the examples menu opens an example as an undoable step', async ({ editor, page }) => {
  await editor.open();
  await editor.openExample('linear-regression-module');
  await expect.poll(async () => (await editor.document()).name).toBe('Linear regression with nn.Linear');
  await expect(page.getByTestId('doc.name')).toHaveText('Linear regression with nn.Linear');
  await editor.screenshot('42-example-linear-regression');
  await editor.press('toolbar.undo');
  await expect.poll(async () => (await editor.document()).name).toBe('Composite function y = 2x² + 2');
});

test('the examples menu works from the keyboard and closes with Escape', async ({ editor, page }) => {
  await editor.open();
  const button = editor.control('file.examples');
  await button.focus();
  await page.keyboard.press('Enter');
  const items = page.locator('[data-example]');
  await expect(items).toHaveCount(6);
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(items).toHaveCount(0);
  await expect(button).toBeFocused();

  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('file.example.sigmoid-function')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await editor.document()).name).toBe('Sigmoid y = σ(x)');
});
