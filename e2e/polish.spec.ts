import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { current } from './stepperHelpers';
import type { Editor } from './pages/Editor';

test.use({ viewport: { width: 1440, height: 900 } });

/** A locator's box on screen; it must be on the page. */
async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on the page');
  return b;
}

/** The boxes of every node on the canvas. */
async function nodeBoxes(page: Page) {
  const nodes = page.locator('.react-flow__node');
  const out = [];
  for (let i = 0; i < (await nodes.count()); i++) out.push(await box(nodes.nth(i)));
  return out;
}

/** The React Flow zoom of the canvas. */
async function zoomOf(page: Page): Promise<number> {
  const t = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  return Number(/matrix\(([^,]+)/.exec(t)?.[1] ?? 'NaN');
}

/** Takes the screenshot in English and in Japanese, and comes back to English. */
async function screenshotBoth(editor: Editor, name: string): Promise<void> {
  await editor.screenshot(`${name}-en`);
  await editor.press('toolbar.lang');
  await expect(editor.page.locator('html')).toHaveAttribute('lang', 'ja');
  await editor.screenshot(`${name}-ja`);
  await editor.press('toolbar.lang');
  await expect(editor.page.locator('html')).toHaveAttribute('lang', 'en');
}

test('fit view shows a small graph whole, and a wide one at 0.8× from its input side', async ({ editor, page }) => {
  await editor.open();
  await editor.openExample('composite-function');
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(0.8);
  const canvas = await box(editor.canvas);
  for (const b of await nodeBoxes(page)) {
    expect(b.x).toBeGreaterThanOrEqual(canvas.x);
    expect(b.x + b.width).toBeLessThanOrEqual(canvas.x + canvas.width);
  }

  await editor.openExample('linear-regression-by-hand');
  await expect.poll(async () => (await editor.document()).nodes.some((n) => n.id === 'height_mean')).toBe(true);
  await page.locator('.react-flow__controls-fitview').click();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(0.8, 3);
  await page.waitForTimeout(400);
  const input = await box(editor.node('height'));
  // The input side is in view, clear of the zoom buttons on the left; what is cut off is on the right.
  const controls = await box(page.getByTestId('rf__controls'));
  expect(input.x).toBeGreaterThanOrEqual(canvas.x);
  expect(input.x).toBeGreaterThanOrEqual(controls.x + controls.width);
  const boxes = await nodeBoxes(page);
  expect(Math.min(...boxes.map((b) => b.x))).toBeGreaterThanOrEqual(canvas.x);
  expect(Math.max(...boxes.map((b) => b.x + b.width))).toBeGreaterThan(canvas.x + canvas.width);
  await screenshotBoth(editor, 'polish-01-fit-input-side');
});

test('during the update, the linear node’s lines do not wrap; Backward’s automatic loss is called the loss', async ({ editor, page }) => {
  await editor.open();
  await editor.openExample('linear-regression-module');
  await expect.poll(async () => (await editor.document()).name).toBe('Linear regression with nn.Linear');
  for (let i = 0; i < 4; i++) await editor.press('step.phase');
  await expect(page.getByTestId('pytorch.line.current')).toContainText('optimizer.step()');
  for (const param of ['weight', 'bias']) {
    const line = page.getByTestId(`node.linear.update.${param}`);
    await expect(line).toContainText('→');
    await expect(line).toContainText('−lr·grad');
    const lineHeight = await line.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.3);
    // Two lines exactly: before → after, then −lr·grad; neither wraps.
    expect((await box(line)).height).toBeLessThanOrEqual(2 * lineHeight + 1);
    const delta = line.locator('.opnode__delta');
    expect((await box(delta)).height).toBeLessThanOrEqual(lineHeight + 1);
  }
  await screenshotBoth(editor, 'polish-02-update-lines');

  const from = page.getByTestId('toolbar.backwardFrom').locator('option').first();
  const loss = (await editor.document()).loss;
  if (loss !== null) {
    await editor.select(loss);
    await page.getByTestId('inspector.useAsLoss').uncheck();
    await expect.poll(async () => (await editor.document()).loss).toBeNull();
  }
  await expect(from).not.toContainText('output');
  await expect(from).toHaveText(/^(the loss|loss \(.+\))$/);
  await editor.press('toolbar.lang');
  await expect(from).toHaveText(/^損失/);
  await editor.press('toolbar.lang');
});

test('a refused file’s findings read in Japanese, and the notice follows a switch of language', async ({ editor, page }) => {
  await editor.open();
  const doc = JSON.parse(readFileSync('public/examples/linear-regression-module.json', 'utf8')) as Record<string, unknown>;
  const bad = { ...doc, optimizerState: [{ node: 'linear', name: 'weight', momentumBuffer: [1, 2, 3] }] };
  await editor.importFile({ name: 'bad-state.json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(editor.notice).toContainText('bad-state.json could not be opened');
  await expect(page.getByTestId('notice.details')).toHaveText('optimizerState[0].momentumBuffer: has 3 values but linear.weight has 1 element');
  await editor.screenshot('polish-04-refused-state-en');
  await editor.press('toolbar.lang');
  await expect(editor.notice).toContainText('bad-state.json を開けませんでした');
  await expect(page.getByTestId('notice.details')).toHaveText('「optimizerState[0].momentumBuffer」：値が 3 個ありますが、linear.weight の要素は 1 個です');
  // Nothing is left in English for the folded technical detail.
  await expect(page.getByTestId('notice.technical')).toHaveCount(0);
  await editor.screenshot('polish-04-refused-state-ja');
  await editor.press('toolbar.lang');
});

test('following linear[1, 2], the update of its bias shows bias[2] and its weight’s says which element is shown', async ({ editor, page }) => {
  await editor.open();
  await editor.openExample('multiclass-classification');
  await expect.poll(async () => (await editor.document()).nodes.some((n) => n.id === 'linear')).toBe(true);
  await editor.press('step.phase');
  await editor.select('linear');
  await page.getByTestId('inspector.value.cell.5').click();
  await expect(page.getByTestId('step.explain.focus')).toHaveAttribute('data-element', 'linear[1, 2]');
  const plain = () => page.getByTestId('step.explain.numbers').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.plain ?? ''));
  for (let k = 0; k < 40; k++) {
    const ev = await current(editor);
    if (ev?.type === 'update' && ev.param === 'weight') break;
    await editor.press('step.step');
  }
  await expect(page.getByTestId('step.explain')).toContainText('no single element of linear.weight goes with it');
  expect((await plain())[0]).toMatch(/^linear\.weight\[0, 0\] ← /);
  await screenshotBoth(editor, 'polish-05-explain-weight-element');
  await editor.press('step.step');
  await expect.poll(async () => (await plain())[0]).toMatch(/^linear\.bias\[2\] ← /);
  await expect(page.getByTestId('step.explain')).not.toContainText('no single element');
});
