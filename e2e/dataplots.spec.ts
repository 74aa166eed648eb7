import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Editor } from './pages/Editor';

test.use({ viewport: { width: 1440, height: 900 } });

const BOSTON_3_COLUMNS = new URL('../../shared/data/boston_rm_lstat_price.csv', import.meta.url).pathname;
const IRIS_5_COLUMNS = new URL('../../shared/data/iris_sklearn_150.csv', import.meta.url).pathname;

/** A box on the page, in CSS pixels. */
interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

/** The drawn boxes of the texts matching `selector` inside the plot (tick labels, axis titles). */
function textBoxes(plot: Locator, selector: string): Promise<(Box & { text: string })[]> {
  return plot.evaluate((svg, sel) => {
    return [...svg.querySelectorAll(sel)].map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: el.textContent ?? '' };
    });
  }, selector);
}

/** Every axis title's box is clear of every tick label's box. */
async function expectTitlesClearOfTicks(plot: Locator): Promise<void> {
  const ticks = (await textBoxes(plot, '[data-tick]')).filter((t) => t.text !== '');
  const titles = await textBoxes(plot, '[data-axis-label]');
  expect(ticks.length).toBeGreaterThan(3);
  expect(titles).toHaveLength(2);
  for (const title of titles) {
    expect(title.width).toBeGreaterThan(0);
    for (const tick of ticks) expect(intersects(title, tick), `axis title “${title.text}” overlaps tick “${tick.text}”`).toBe(false);
  }
}

/** Types into a field and commits it the way a person does: Enter. */
async function setField(page: Page, testId: string, value: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill(value);
  await field.press('Enter');
}

async function showPlot(page: Page, kind: string): Promise<void> {
  await page.getByTestId('dock.tab.plots').click();
  await page.getByTestId('plot.select').selectOption(kind);
}

/** Takes the screenshot in English, then in Japanese, and comes back to English. */
async function screenshotBoth(editor: Editor, name: string): Promise<void> {
  await editor.screenshot(`${name}-en`);
  await editor.press('toolbar.lang');
  await expect(editor.page.locator('html')).toHaveAttribute('lang', 'ja');
  await editor.screenshot(`${name}-ja`);
  await editor.press('toolbar.lang');
  await expect(editor.page.locator('html')).toHaveAttribute('lang', 'en');
}

test('Bind onto the height/weight example rebinds its own inputs (no X_2); on a new graph it creates X and Y in view, says so, and the only mse is the loss', async ({ editor, page }) => {
  await editor.open();
  await editor.openExample('linear-regression-module');
  await expect.poll(async () => (await editor.document()).nodes.some((n) => n.id === 'height')).toBe(true);

  await test.step('the Data tab lists the example’s own dataset with its columns and the inputs reading it', async () => {
    await page.getByTestId('side.tab.data').click();
    const people = page.getByTestId('datasets.document.people');
    await expect(people).toBeVisible();
    await expect(page.getByTestId('datasets.document.people.columns')).toHaveText('Columns: height_cm, weight_kg');
    await expect(people).toContainText('height ← height_cm');
    await expect(people).toContainText('weight ← weight_kg');
    await screenshotBoth(editor, 'dataplots-01-data-tab-example');
  });

  await test.step('binding the noisy line rebinds height and weight: the same nodes, no X_2 or Y_2, and the notice says which', async () => {
    const before = (await editor.document()).nodes.map((n) => n.id);
    await page.getByTestId('datasets.builtin.line').click();
    await page.getByTestId('datasets.bind').click();
    await expect(editor.notice).toContainText('Bound “line” to the graph’s input nodes: height ← x and weight ← y.');
    // The open notice follows a switch of language, and comes back in English.
    await editor.press('toolbar.lang');
    await expect(editor.notice).toContainText('「line」をグラフの入力ノードに結び付けました: height ← x と weight ← y。');
    await editor.press('toolbar.lang');
    await expect(editor.notice).toContainText('Bound “line” to the graph’s input nodes: height ← x and weight ← y.');
    const doc = await editor.document();
    expect(doc.nodes.map((n) => n.id)).toEqual(before);
    expect(doc.nodes.some((n) => /_\d+$/.test(n.id))).toBe(false);
    expect(doc.nodes.find((n) => n.id === 'height')?.value).toEqual({ type: 'columns', dataset: 'line', columns: ['x'] });
    expect(doc.nodes.find((n) => n.id === 'weight')?.value).toEqual({ type: 'columns', dataset: 'line', columns: ['y'] });
    expect((await editor.snapshot()).nodes.X.shape).toEqual([40, 1]);
    await expect(page.getByTestId('datasets.document.line')).toContainText('height ← x');
    await screenshotBoth(editor, 'dataplots-02-data-tab-bound');
  });

  await test.step('a new graph with linear and mse: Bind creates X and Y inside the canvas, clear of both nodes, and names them', async () => {
    await editor.press('file.new');
    await expect.poll(async () => (await editor.document()).nodes.length).toBe(0);
    const linear = await editor.dropFromPalette('linear', { x: 260, y: 140 });
    const mse = await editor.dropFromPalette('mse', { x: 560, y: 260 });
    await page.getByTestId('side.tab.data').click();
    await page.getByTestId('datasets.builtin.line').click();
    await page.getByTestId('datasets.bind').click();
    await expect(editor.notice).toContainText('Created input nodes X (1 column) and Y (1 column); wire them into the graph.');
    const canvas = await box(editor.canvas);
    const boxes = { X: await box(editor.node('X')), Y: await box(editor.node('Y')), [linear]: await box(editor.node(linear)), [mse]: await box(editor.node(mse)) };
    for (const id of ['X', 'Y']) {
      expect(inside(boxes[id], canvas), `${id} is inside the canvas`).toBe(true);
      for (const other of Object.keys(boxes)) if (other !== id) expect(intersects(boxes[id], boxes[other]), `${id} overlaps ${other}`).toBe(false);
    }
    expect((await editor.document()).nodes.map((n) => n.id).sort()).toEqual(['X', 'Y', linear, mse].sort());

    await editor.connect('X', linear, 'x');
    await editor.connect(linear, mse, 'input');
    await editor.connect('Y', mse, 'target');
    await expect.poll(async () => (await editor.document()).edges.length).toBe(3);
    // No node was marked: the only mse node is the loss, and the Train tab says so.
    expect((await editor.document()).loss).toBeNull();
    await page.getByTestId('side.tab.train').click();
    await expect(page.getByTestId('train.lossNode')).toHaveText(`Loss: ${mse} (mse), chosen automatically as the only candidate.`);
    await setField(page, 'train.epochs', '20');
    await page.getByTestId('train.start').click();
    await expect(page.getByTestId('train.progress')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    await expect(page.getByTestId('train.error')).toHaveCount(0);
    expect((await editor.snapshot()).lossHistory).toHaveLength(20);
    // The canvas badges it as the loss, as it would a marked one.
    await expect(editor.node(mse).locator('.opnode__badge--loss')).toHaveText('loss');
    await screenshotBoth(editor, 'dataplots-03-bound-new-graph-trained');
    // The inspector says the same: not marked, but the loss all the same.
    await page.getByTestId('side.tab.inspector').click();
    await editor.select(mse);
    await expect(page.getByTestId('inspector.useAsLoss')).not.toBeChecked();
    await expect(page.getByText('Used as the loss automatically: it is the only candidate in the graph.', { exact: false })).toBeVisible();
  });
});

test('plots stay readable: the data plot is centred on both axes; a diverging run gets a log loss axis with inf/nan marked; titles never overlap ticks', async ({ editor, page }) => {
  test.setTimeout(90_000);
  await editor.open();
  await editor.openExample('linear-regression-module');
  await expect.poll(async () => (await editor.document()).nodes.some((n) => n.id === 'height')).toBe(true);

  await test.step('data and model: x is centred X, y is centred Y, and the titles say so', async () => {
    await showPlot(page, 'data');
    const plot = page.getByTestId('plot.data');
    await expect(plot).toHaveAttribute('data-x-space', 'centred');
    await expect(plot).toHaveAttribute('data-y-space', 'centred');
    await expect(plot.locator('[data-axis-label="x"]')).toHaveText('X = height_cm − mean (centred)');
    await expect(plot.locator('[data-axis-label="y"]')).toHaveText('Y = weight_kg − mean (centred)');
    await expectTitlesClearOfTicks(plot);
    await screenshotBoth(editor, 'dataplots-04-data-plot');
  });

  await test.step('lr 10 with the divergence stop off: the loss runs to 1e+300 and beyond; the axis turns log and says so', async () => {
    await page.getByTestId('side.tab.train').click();
    await setField(page, 'train.lr', '10');
    await setField(page, 'train.epochs', '100');
    await page.getByTestId('train.divergenceStop').uncheck();
    await page.getByTestId('train.start').click();
    await expect(page.getByTestId('train.progress')).toHaveAttribute('data-status', /done|diverged/, { timeout: 30_000 });
    const losses = (await editor.snapshot()).lossHistory;
    expect(Math.max(...losses.filter(Number.isFinite))).toBeGreaterThan(1e250);
    expect(losses.some((l) => !Number.isFinite(l))).toBe(true);

    await showPlot(page, 'loss');
    const plot = page.getByTestId('plot.loss');
    await expect(plot).toHaveAttribute('data-scale', 'log');
    await expect(page.getByTestId('plot.loss.scale')).toHaveValue('auto');
    await expect(plot.locator('[data-axis-label="y"]')).toHaveText('loss (log scale)');
    const ticks = (await textBoxes(plot, '[data-tick="y"]')).map((t) => t.text);
    expect(ticks).toContain('1e+100');
    expect(ticks).toContain('1e+200');
    // The curve climbs: 1e+100 is drawn above 1e+50, not squashed into a flat line at the bottom.
    const y = async (label: string) => (await textBoxes(plot, '[data-tick="y"]')).find((t) => t.text === label)?.y ?? NaN;
    expect(await y('1e+100')).toBeLessThan((await y('1e+50')) - 10);
    // inf and nan epochs are marked at the top edge, and the note says how many.
    const offAxis = losses.filter((l) => !Number.isFinite(l)).length;
    await expect(page.getByTestId('plot.loss.edges')).toHaveAttribute('data-count', String(Math.min(offAxis, 200)));
    await expect(page.getByTestId('plot.loss.edgeNote')).toHaveText(`${offAxis} losses are inf or nan: marked ▲ at the plot’s edge`);
    await expectTitlesClearOfTicks(plot);
    await screenshotBoth(editor, 'dataplots-05-loss-log');

    // The learner can still force a linear axis; the title follows.
    await page.getByTestId('plot.loss.scale').selectOption('linear');
    await expect(plot).toHaveAttribute('data-scale', 'linear');
    await expect(plot.locator('[data-axis-label="y"]')).toHaveText('loss');
    await expectTitlesClearOfTicks(plot);
  });
});

test('a 3-column CSV preview fits the panel; a 5-column one scrolls inside it, and its last column can be brought into view', async ({ editor, page }) => {
  await editor.open();
  await page.getByTestId('side.tab.data').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('datasets.import').click();
  await (await chooser).setFiles(BOSTON_3_COLUMNS);
  const preview = page.getByTestId('datasets.preview');
  await expect(preview).toBeVisible();
  const wrap = preview.locator('xpath=..');
  const panel = page.getByTestId('datasets');
  const last = preview.locator('thead tr').first().locator('th').last();
  await expect(last).toHaveText('PRICE');
  // At 1440 px three columns fit: nothing is cut off and nothing needs scrolling.
  const fit = await wrap.evaluate((el) => ({ scrollW: el.scrollWidth, clientW: el.clientWidth }));
  expect(fit.scrollW).toBeLessThanOrEqual(fit.clientW);
  await last.scrollIntoViewIfNeeded();
  const [lastBox, wrapBox, panelBox, viewport] = [await box(last), await box(wrap), await box(panel), page.viewportSize()];
  expect(inside(lastBox, wrapBox), 'the last column is inside the scrolling preview').toBe(true);
  expect(wrapBox.x + wrapBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width + 1);
  expect(wrapBox.x + wrapBox.width).toBeLessThanOrEqual((viewport?.width ?? 1440) + 1);
  // Its role select is usable there.
  await page.getByTestId('datasets.role.PRICE').selectOption('target');
  await expect(page.getByTestId('datasets.role.PRICE')).toHaveValue('target');
  // The rows scroll too: the wrap is no taller than its limit and the header stays on top.
  const overflow = await wrap.evaluate((el) => ({ scrollH: el.scrollHeight, clientH: el.clientHeight, overflow: getComputedStyle(el).overflow }));
  expect(overflow.overflow).toBe('auto');
  expect(overflow.clientH).toBeLessThanOrEqual(overflow.scrollH);
  await screenshotBoth(editor, 'dataplots-06-csv-preview');

  // Five columns are wider than the panel: the preview scrolls sideways inside it, the page does not.
  const chooser5 = page.waitForEvent('filechooser');
  await page.getByTestId('datasets.import').click();
  await (await chooser5).setFiles(IRIS_5_COLUMNS);
  await expect(preview.locator('thead tr').first().locator('th').last()).toHaveText('target');
  const wide = await wrap.evaluate((el) => ({ scrollW: el.scrollWidth, clientW: el.clientWidth, left: el.scrollLeft }));
  expect(wide.scrollW).toBeGreaterThan(wide.clientW);
  expect(wide.left).toBe(0);
  const lastOf5 = preview.locator('thead tr').first().locator('th').last();
  await lastOf5.scrollIntoViewIfNeeded();
  expect(await wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(inside(await box(lastOf5), await box(wrap)), 'the fifth column scrolled into the preview').toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  await page.getByTestId('datasets.role.target').selectOption('label');
  await expect(page.getByTestId('datasets.role.target')).toHaveValue('label');
  await screenshotBoth(editor, 'dataplots-07-csv-preview-5-columns');
});
