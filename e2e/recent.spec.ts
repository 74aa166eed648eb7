import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { GraphFile } from '../engine/format/schema';
import { encodeShare } from '../src/store/shareLink';
import { expect, test } from './fixtures';
import { Editor } from './pages/Editor';

test.use({ viewport: { width: 1440, height: 900 } });

const example = (name: string): GraphFile => JSON.parse(readFileSync(new URL(`../public/examples/${name}.json`, import.meta.url), 'utf8')) as GraphFile;

/** A new tab in the same browser (the same storage), failing the test on any page error. */
async function newTab(page: Page, errors: string[]): Promise<{ tab: Page; editor: Editor }> {
  const tab = await page.context().newPage();
  tab.on('pageerror', (e) => errors.push(e.message));
  return { tab, editor: new Editor(tab) };
}

test('a share link opened over your work keeps the work: after closing the tab, it is in Recent and opens with its nodes', async ({ editor, page }) => {
  await editor.open();
  await editor.press('file.new');
  await expect.poll(async () => (await editor.document()).nodes.length).toBe(0);
  const square = await editor.dropFromPalette('square', { x: 300, y: 200 });
  const sum = await editor.dropFromPalette('sum', { x: 550, y: 200 });
  await editor.waitForAutosave();
  const work = await editor.document();
  expect(work.nodes.map((n) => n.id)).toEqual([square, sum]);
  await page.close({ runBeforeUnload: true });

  const errors: string[] = [];
  const shared = example('sigmoid-function');
  const first = await newTab(page, errors);
  await first.tab.goto(`/${encodeShare(shared)}`);
  await first.editor.ready();
  await expect(first.editor.notice).toContainText('Opened the shared graph; your previous work is in Recent.');
  expect(await first.editor.document()).toEqual(shared);
  await first.editor.waitForAutosave();
  await first.tab.close({ runBeforeUnload: true });

  const again = await newTab(page, errors);
  await again.tab.goto('/');
  await again.editor.ready();
  expect(await again.editor.document(), 'the shared graph is the last document').toEqual(shared);
  const list = await again.editor.openRecentMenu();
  await expect(list.getByTestId('file.recent.0')).toContainText('Sigmoid y = σ(x)');
  await expect(list.getByTestId('file.recent.0.open')).toHaveAttribute('aria-current', 'true');
  await expect(list.getByTestId('file.recent.1')).toContainText('Untitled graph');
  await again.editor.screenshot('75-recent-menu-en');

  await again.editor.press('file.recent.1.open');
  await expect.poll(async () => (await again.editor.document()).nodes.map((n) => n.id)).toEqual([square, sum]);
  expect(await again.editor.document()).toEqual(work);
  await expect(again.editor.node(square)).toBeVisible();
  await expect.poll(async () => (await again.editor.recentStored()).map((e) => e.name)).toEqual([null, 'Sigmoid y = σ(x)', 'Composite function y = 2x² + 2']);

  await expect(again.editor.notice).toContainText('Opened Untitled graph with 2 problem(s) marked on the nodes');
  await again.editor.press('notice.close');
  await again.editor.press('toolbar.lang');
  const ja = await again.editor.openRecentMenu();
  await expect(ja.getByTestId('file.recent.0')).toContainText('無題のグラフ');
  await expect(ja.getByTestId('file.recent.0')).toContainText('表示中');
  await again.editor.screenshot('76-recent-menu-ja');
  await again.editor.press('toolbar.lang');
  expect(errors).toEqual([]);
});

test('Recent keeps the last 10 documents, the newest first', async ({ editor, page }) => {
  await editor.open();
  const names = ['composite-function', 'sigmoid-function', 'linear-regression-module', 'binary-classification'];
  for (let i = 0; i < 12; i++) {
    await editor.openExample(names[i % names.length]);
    await expect.poll(async () => (await editor.snapshot()).history.undo.length).toBe(i + 1);
  }
  await editor.waitForAutosave();
  const stored = await editor.recentStored();
  expect(stored).toHaveLength(10);
  const list = await editor.openRecentMenu();
  await expect(list.getByRole('listitem')).toHaveCount(10);
  await expect(list.getByTestId('file.recent.0')).toContainText((await editor.document()).name ?? '');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
});

test('a damaged document stays in Recent until discarded: its raw text downloads exactly as stored', async ({ editor, page }) => {
  const corrupt = '{"file": "{\\"format\\": \\"gradcanvas-graph\\", \\"nodes\\": [ cut here';
  await page.addInitScript((text) => {
    // Once only: later loads must see what the app left in storage.
    if (sessionStorage.getItem('seeded') === null) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('gradcanvas.autosave.v1', text);
    }
  }, corrupt);
  await editor.open();
  await expect(editor.notice).toContainText('could not be opened; it is kept in Recent, marked damaged');
  expect((await editor.document()).name).toBe('Composite function y = 2x² + 2');
  await editor.waitForAutosave();

  await page.reload();
  await editor.ready();
  const list = await editor.openRecentMenu();
  const damaged = list.locator('[data-damaged="true"]');
  await expect(damaged).toHaveCount(1);
  await expect(damaged).toContainText('Damaged: cannot be opened');
  await editor.screenshot('77-recent-damaged-en');

  const download = page.waitForEvent('download');
  await damaged.getByRole('button', { name: /Export the raw text/ }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe('graph.raw.txt');
  expect(await readFile(await d.path(), 'utf8')).toBe(corrupt);

  // Editing the open document never touches it.
  await page.keyboard.press('Escape');
  await editor.select('x');
  await editor.waitForAutosave();
  expect((await editor.recentStored()).filter((e) => e.damaged)).toHaveLength(1);

  await editor.openRecentMenu();
  await damaged.getByRole('button', { name: /Discard/ }).click();
  await expect(editor.notice).toContainText('Discarded “Untitled graph” from Recent.');
  expect((await editor.recentStored()).filter((e) => e.damaged)).toHaveLength(0);
});

/** The viewport the canvas draws, read from React Flow's transform. */
async function drawnViewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const [, zoom, , x, y] = transform.match(/matrix\(([^,]+), [^,]+, [^,]+, ([^,]+), ([^,]+), ([^)]+)\)/)?.map(Number) ?? [];
  return { x, y, zoom };
}

/** The name of the Data panel draft stored with the Recent entry at `index`, or null when it has none. */
async function storedDraft(page: Page, index: number): Promise<string | null> {
  return page.evaluate((k) => {
    const entries = (JSON.parse(localStorage.getItem('gradcanvas.recent.v2') ?? '{"entries": []}') as { entries: { id: string }[] }).entries;
    const raw = entries[k] ? localStorage.getItem(`gradcanvas.recent.v2.doc.${entries[k].id}`) : null;
    return raw === null ? null : ((JSON.parse(raw) as { datasets?: { draft?: { name: string } | null } }).datasets?.draft?.name ?? null);
  }, index);
}

test('a CSV not yet bound and the viewport belong to their document: New starts without them; Undo, Redo and Recent bring each document’s back', async ({ editor, page }) => {
  await editor.open();
  await page.getByTestId('side.tab.data').click();
  await page.getByTestId('datasets.builtin.blobs3').click();
  const preview = page.getByTestId('datasets.preview');
  await expect(preview).toHaveAttribute('data-rows', '90');
  const box = (await editor.canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width - 60, box.y + box.height - 60);
  await page.mouse.wheel(0, -200);
  await expect.poll(async () => (await editor.snapshot()).viewport?.zoom ?? 1).not.toBe(1);
  await editor.waitForAutosave();
  const work = await editor.snapshot();
  const viewport = work.viewport!;
  const draft = await storedDraft(page, 0);
  expect(draft).not.toBeNull();
  const shows = async (v: { x: number; y: number; zoom: number }) => {
    await expect.poll(async () => (await editor.snapshot()).viewport).toEqual(v);
    const drawn = await drawnViewport(page);
    expect(drawn.zoom).toBeCloseTo(v.zoom, 3);
    expect(drawn.x).toBeCloseTo(v.x, 1);
    expect(drawn.y).toBeCloseTo(v.y, 1);
  };

  await editor.press('file.new');
  await expect.poll(async () => (await editor.document()).nodes.length).toBe(0);
  await expect(preview).toHaveCount(0);
  await editor.waitForAutosave();
  expect(await storedDraft(page, 0), 'the new document is saved without the draft').toBeNull();
  expect(await storedDraft(page, 1)).toBe(draft);

  await editor.press('toolbar.undo');
  await expect.poll(async () => (await editor.document()).name).toBe(work.document.name);
  await expect(preview).toHaveAttribute('data-rows', '90');
  await shows(viewport);
  await editor.waitForAutosave();
  expect((await editor.recentStored()).map((e) => e.name)).toEqual([work.document.name, null]);
  expect(await storedDraft(page, 0)).toBe(draft);
  expect(await storedDraft(page, 1), 'the new document’s entry is not overwritten by Undo').toBeNull();

  await editor.press('toolbar.redo');
  await expect.poll(async () => (await editor.document()).nodes.length).toBe(0);
  await expect(preview).toHaveCount(0);
  await editor.waitForAutosave();
  expect((await editor.recentStored()).map((e) => e.name)).toEqual([null, work.document.name]);

  await editor.openRecentMenu();
  await editor.press('file.recent.1.open');
  await expect.poll(async () => (await editor.document()).name).toBe(work.document.name);
  await expect(preview).toHaveAttribute('data-rows', '90');
  await shows(viewport);
});
