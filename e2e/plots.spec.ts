import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test, XS } from './fixtures';
import type { Editor } from './pages/Editor';

// A taller window than the default, so the dock shows a whole plot in the screenshots.
test.use({ viewport: { width: 1280, height: 1000 } });

/** Opens the dock's Plots tab and picks a plot from its selector. */
async function showPlot(page: Page, kind: 'loss' | 'data' | 'function' | 'contour' | 'optimizer'): Promise<void> {
  await page.getByTestId('dock.tab.plots').click();
  await page.getByTestId('plot.select').selectOption(kind);
}

/** Clicks an export button and returns the download's name and bytes. */
async function downloadFrom(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const d = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const dl = await d;
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

/** Opens the linear-regression example and waits until its linear node is compiled. */
async function openLinearRegression(editor: Editor): Promise<void> {
  await editor.openExample('linear-regression-module');
  await expect(editor.node('linear')).toBeVisible();
  await expect(editor.node('square')).toHaveCount(0);
}

test('function plot: y = 2x² + 2 against x, and x.grad = 4x on the same axes after Backward', async ({ editor, page }) => {
  await editor.open();
  await showPlot(page, 'function');
  const plot = page.getByTestId('plot.function');
  await expect(plot).toBeVisible();
  await expect(page.getByTestId('plot.function.x')).toHaveValue('x');
  await expect(page.getByTestId('plot.function.node')).toHaveValue('y');
  await expect(page.getByTestId('plot.function.value')).toHaveAttribute('data-points', String(XS.length));
  await expect(page.getByTestId('plot.function.gradient'), 'no gradient before Backward').toHaveCount(0);

  await editor.press('toolbar.backward');
  await expect(page.getByTestId('plot.function.gradient')).toHaveAttribute('data-points', String(XS.length));
  await expect(plot).toContainText('x.grad');
  await editor.screenshot('80-plot-function-and-gradient');

  const svg = await downloadFrom(page, 'plot.export.svg');
  expect(svg.name).toMatch(/-function\.svg$/);
  expect(svg.bytes.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const png = await downloadFrom(page, 'plot.export.png');
  expect(png.name).toMatch(/-function\.png$/);
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('gradient check: x of the composite function passes element by element', async ({ editor, page }) => {
  await editor.open();
  await page.getByTestId('side.tab.gradcheck').click();
  await expect(page.getByTestId('gradcheck.leaf')).toHaveValue('x');
  await page.getByTestId('gradcheck.run').click();
  await expect(page.getByTestId('gradcheck.table')).toBeVisible();
  const rows = page.locator('[data-testid^="gradcheck.row."]');
  await expect(rows).toHaveCount(XS.length);
  for (let i = 0; i < XS.length; i++) await expect(page.getByTestId(`gradcheck.row.${i}`)).toHaveAttribute('data-pass', 'true');
  await expect(page.getByTestId('gradcheck.verdict')).toHaveAttribute('data-pass', 'true');
  // The check runs on a copy: the editor's x.grad is still None.
  expect((await editor.snapshot()).nodes.x.grad).toBeNull();
  await editor.screenshot('81-gradcheck-x');
});

test('gradient check covers linear weight and bias of the regression example', async ({ editor, page }) => {
  await editor.open();
  await openLinearRegression(editor);
  await page.getByTestId('side.tab.gradcheck').click();
  const leaf = page.getByTestId('gradcheck.leaf');
  await expect(leaf.locator('option')).toHaveText([/linear\.weight/, /linear\.bias/]);
  for (const key of ['linear.weight', 'linear.bias']) {
    await leaf.selectOption(key);
    await page.getByTestId('gradcheck.run').click();
    await expect(page.getByTestId('gradcheck.row.0')).toHaveAttribute('data-pass', 'true');
  }
});

test('loss plot: linear/log toggle, and the loss history downloads as epoch,loss CSV', async ({ editor, page }) => {
  await editor.open();
  await showPlot(page, 'loss');
  await expect(page.getByTestId('plot.loss')).toBeVisible();
  await page.getByTestId('plot.loss.scale').selectOption('log');
  await expect(page.getByTestId('plot.loss.scale')).toHaveValue('log');
  const csv = await downloadFrom(page, 'plot.export.csv');
  expect(csv.name).toMatch(/\.csv$/);
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('epoch,loss');
  const history = (await editor.snapshot()).lossHistory;
  expect(lines.slice(1)).toEqual(history.map((l, i) => `${i + 1},${l}`));
});

test('data and model, and the loss landscape over weight and bias, for the regression example', async ({ editor, page }) => {
  await editor.open();
  await openLinearRegression(editor);
  await showPlot(page, 'data');
  await expect(page.getByTestId('plot.data')).toHaveAttribute('data-points', '5');
  await expect(page.getByTestId('plot.data.model')).toBeVisible();
  await editor.screenshot('82-plot-data-and-model');

  await showPlot(page, 'contour');
  await expect(page.getByTestId('plot.contour.a')).toHaveValue('linear.weight#0');
  await expect(page.getByTestId('plot.contour.b')).toHaveValue('linear.bias#0');
  const current = page.getByTestId('plot.contour.current');
  await expect(current).toHaveAttribute('data-x', '1');
  await expect(current).toHaveAttribute('data-y', '1');
  await editor.screenshot('83-plot-loss-landscape');

  // Detached: the plot moves to a floating panel that can be dragged, and docks back.
  await page.getByTestId('plot.detach').click();
  const floating = page.getByTestId('plot.floating');
  await expect(floating.getByTestId('plot.contour')).toBeVisible();
  const before = await floating.boundingBox();
  const bar = page.getByTestId('plot.floating.bar');
  const box = await bar.boundingBox();
  await page.mouse.move(box!.x + 40, box!.y + 10);
  await page.mouse.down();
  await page.mouse.move(box!.x - 60, box!.y + 70, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await floating.boundingBox())!.y).toBeGreaterThan(before!.y + 30);
  await editor.screenshot('84-plot-detached');
  await page.getByTestId('plot.attach').click();
  await expect(floating).toHaveCount(0);
});

test('training the regression example: loss curve with hover, descent trail on the contour map, momentum buffers', async ({ editor, page }) => {
  await editor.open();
  await openLinearRegression(editor);
  await page.getByTestId('side.tab.train').click();
  const start = page.getByTestId('train.start');
  await expect(start).toBeVisible();
  await showPlot(page, 'data');
  const fitBefore = await page.getByTestId('plot.data.model').getAttribute('d');
  await page.getByTestId('train.momentum').fill('0.9');
  await start.click();
  await showPlot(page, 'contour');
  await expect.poll(async () => Number(await page.getByTestId('plot.contour.trail').getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThan(1);
  await expect.poll(async () => (await editor.snapshot()).training.status, { timeout: 20_000 }).toBe('done');
  const trained = await editor.snapshot();
  // The current point sits at the trained parameters.
  const current = page.getByTestId('plot.contour.current');
  await expect(current).toHaveAttribute('data-x', String(trained.document.nodes.find((n) => n.id === 'linear')!.params!.weight.data[0]));
  await editor.screenshot('86-plot-landscape-trail');

  await showPlot(page, 'loss');
  const loss = page.getByTestId('plot.loss');
  await expect(loss).toHaveAttribute('data-points', String(trained.lossHistory.length));
  const box = (await loss.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tip = page.getByTestId('plot.loss.tooltip');
  await expect(tip).toBeVisible();
  const epoch = Number(await tip.getAttribute('data-epoch'));
  expect(Number(await tip.getAttribute('data-loss'))).toBe(trained.lossHistory[epoch - 1]);
  await editor.screenshot('85-plot-loss-after-training');
  const csv = await downloadFrom(page, 'plot.export.csv');
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(trained.lossHistory.length + 1);
  expect(lines[1]).toBe(`1,${trained.lossHistory[0]}`);

  await showPlot(page, 'optimizer');
  await expect(page.getByTestId('plot.optimizer.param')).toHaveValue('linear.weight');
  await expect(page.getByTestId('plot.optimizer')).toHaveAttribute('data-series', '1');
  await editor.screenshot('87-plot-optimizer-momentum');

  // The fitted line follows the trained parameters.
  await showPlot(page, 'data');
  await expect(page.getByTestId('plot.data.model')).not.toHaveAttribute('d', fitBefore!);
  await editor.screenshot('89-plot-data-and-model-trained');
});

test('data and model for two features and classes: the decision regions', async ({ editor, page }) => {
  await editor.open();
  await editor.openExample('binary-classification');
  await expect(editor.node('prob')).toBeVisible();
  await showPlot(page, 'data');
  await expect(page.getByTestId('plot.data')).toHaveAttribute('data-points', '80');
  await expect(page.getByTestId('plot.data.regions')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('plot.data.boundary')).toHaveAttribute('data-count', '1');
  await editor.screenshot('88-plot-decision-regions');
});
