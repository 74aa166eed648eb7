import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { encodeShare } from '../src/store/shareLink';
import type { GraphFile } from '../engine/format/schema';
import { expect, test } from './fixtures';
import { Editor } from './pages/Editor';

test.use({ viewport: { width: 1440, height: 900 } });

const example = (name: string): GraphFile => JSON.parse(readFileSync(new URL(`../public/examples/${name}.json`, import.meta.url), 'utf8')) as GraphFile;

/** One input x = arange(0, 1, 1e-9): a link of a few hundred characters that asks for a billion numbers. */
const hostileLink = () => {
  const doc = example('composite-function');
  const x = { id: 'x', op: 'input', position: { x: 0, y: 0 }, value: { type: 'arange' as const, start: 0, end: 1, step: 1e-9 } };
  return encodeShare({ format: doc.format, version: doc.version, nodes: [x], edges: [], loss: null, datasets: {}, training: doc.training });
};

/** A chain input → square → square → … of 20,000 nodes: twice the page's node limit. */
const chainFile = () => {
  const n = 20_000;
  const nodes: GraphFile['nodes'] = [{ id: 'n0', op: 'input', position: { x: 0, y: 0 }, value: { type: 'tensor', shape: [], data: [1] } }];
  const edges: GraphFile['edges'] = [];
  for (let i = 1; i < n; i++) {
    nodes.push({ id: `n${i}`, op: 'square', position: { x: i * 10, y: 0 } });
    edges.push({ source: `n${i - 1}`, target: `n${i}`, targetPort: 'x' });
  }
  return JSON.stringify({ ...example('composite-function'), name: 'Chain of 20,000', nodes, edges, loss: `n${n - 1}` });
};

/** The linear-regression example with linear's weight of shape [2, 1]: the import that used to blank the page for good. */
const crashingFile = () => {
  const doc = example('linear-regression-module');
  const nodes = doc.nodes.map((n) => (n.op === 'linear' ? { ...n, params: { ...n.params, weight: { shape: [2, 1], data: [1, 1] } } } : n));
  return JSON.stringify({ ...doc, nodes });
};

/** The page still answers: the Examples menu opens on a click and closes on Escape, promptly. */
async function expectResponsive(editor: Editor, page: Page): Promise<number> {
  const started = Date.now();
  await editor.press('file.examples');
  await expect(page.locator('[data-example]').first()).toBeVisible({ timeout: 1000 });
  const took = Date.now() - started;
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-example]')).toHaveCount(0);
  return took;
}

/** Records a measured time in the report and on the console. */
function measured(what: string, ms: number): void {
  test.info().annotations.push({ type: 'measured', description: `${what}: ${ms} ms` });
  console.log(`measured ${what}: ${ms} ms`);
}

/** Puts the linear-regression example open and saved, as the work a link or file must not disturb. */
async function openPrevious(editor: Editor): Promise<GraphFile> {
  await editor.open();
  await editor.openExample('linear-regression-module');
  await expect.poll(async () => (await editor.document()).name).toBe('Linear regression with nn.Linear');
  await editor.waitForAutosave();
  return editor.document();
}

test('a hostile share link (arange(0, 1, 1e-9)) is refused within 2 s, naming the limit; the page answers and the open graph stays', async ({ editor, page }) => {
  const previous = await openPrevious(editor);
  const link = hostileLink();
  expect(link.length).toBeLessThan(400);

  // Pasted into the address of the open tab: only the hash changes.
  const started = Date.now();
  await page.evaluate((h) => void (window.location.hash = h), link);
  await expect(editor.notice).toContainText('exceeds the limit of 4,000,000 elements', { timeout: 2000 });
  measured('hostile link refused (open tab)', Date.now() - started);
  await expect(editor.notice).toContainText('The share link could not be opened; the open graph is unchanged');
  await expect(editor.notice).not.toContainText(/Cannot read|TypeError|undefined/);
  expect(await editor.document()).toEqual(previous);
  expect(new URL(page.url()).hash).toBe('');
  await editor.screenshot('70-hostile-link-refused-en');
  measured('click answered after the hostile link', await expectResponsive(editor, page));

  await editor.press('toolbar.lang');
  await page.evaluate((h) => void (window.location.hash = h), link);
  await expect(editor.notice).toContainText('共有リンクを開けませんでした');
  await expect(editor.notice).toContainText('4,000,000');
  await editor.screenshot('71-hostile-link-refused-ja');
  await editor.press('toolbar.lang');

  // Opened as a link in a new tab: the boot refuses it and opens the work that was open.
  const other = await page.context().newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  const second = new Editor(other);
  const bootStarted = Date.now();
  await other.goto(`/${link}`);
  await expect(second.notice).toContainText('4,000,000', { timeout: 2000 });
  measured('hostile link refused (new tab, page load included)', Date.now() - bootStarted);
  await second.ready();
  expect(await second.document()).toEqual(previous);
  measured('click answered in the new tab', await expectResponsive(second, other));
  expect(errors).toEqual([]);
  await other.close();
});

test('a 20,000-node graph is refused within 2 s, naming the page’s node limit; the page answers and the open graph stays', async ({ editor, page }) => {
  const previous = await openPrevious(editor);
  const buffer = Buffer.from(chainFile());

  const started = Date.now();
  await editor.importFile({ name: 'chain.gradcanvas.json', buffer });
  await expect(editor.notice).toContainText('10,000', { timeout: 2000 });
  measured('20,000-node import refused', Date.now() - started);
  await expect(editor.notice).toContainText('chain.gradcanvas.json could not be opened; the open graph is unchanged');
  await expect(editor.notice.getByRole('listitem').first()).toContainText('20,000 nodes');
  expect(await editor.document()).toEqual(previous);
  await editor.screenshot('72-node-limit-refused-en');
  measured('click answered after the 20,000-node import', await expectResponsive(editor, page));

  await editor.press('toolbar.lang');
  await editor.importFile({ name: 'chain.gradcanvas.json', buffer });
  await expect(editor.notice).toContainText('開けませんでした');
  await expect(editor.notice).toContainText('10,000');
  await editor.screenshot('73-node-limit-refused-ja');

  // Nothing was stored for it: a reload shows the same graph.
  await page.reload();
  await editor.ready();
  expect(await editor.document()).toEqual(previous);
});

test('the import that crashed the page is refused naming the weight, the open graph stays, and a reload shows it', async ({ editor, page }) => {
  const previous = await openPrevious(editor);
  await editor.importFile({ name: 'crash.gradcanvas.json', buffer: Buffer.from(crashingFile()) });
  await expect(editor.notice).toContainText('weight has shape [2, 1]');
  await expect(editor.notice).not.toContainText(/Cannot read|TypeError|undefined/);
  await expect(editor.notice).toHaveClass(/notice-error/);
  const after = await editor.snapshot();
  expect(after.document).toEqual(previous);
  await editor.screenshot('74-crashing-import');
  await editor.waitForAutosave();
  await page.reload();
  await editor.ready();
  expect(await editor.document()).toEqual(after.document);
  await expect(editor.node(after.document.nodes[0].id)).toBeVisible();
});
