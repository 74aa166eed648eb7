import type { Page } from '@playwright/test';
import type { GraphFile } from '../engine/format/schema';
import { expect, test, XS } from './fixtures';
import { type Editor, SCREENSHOTS } from './pages/Editor';

// One model, one truth: whatever changes the model — a stepped update, Backward, a training
// run — every view shows it, and it lands in the document.
test.use({ viewport: { width: 1440, height: 900 } });

/** The linear node's weight and bias as the document holds them. */
function linearParams(doc: GraphFile): [number, number] {
  const p = doc.nodes.find((n) => n.id === 'linear')?.params ?? {};
  return [Number(p.weight?.data[0]), Number(p.bias?.data[0])];
}

/** Opens the dock's Plots tab and picks a plot from its selector. */
async function showPlot(page: Page, kind: 'loss' | 'contour' | 'data'): Promise<void> {
  await page.getByTestId('dock.tab.plots').click();
  await page.getByTestId('plot.select').selectOption(kind);
}

/** Opens the nn.Linear example from the Examples menu and waits until it is open. */
async function openLinear(editor: Editor): Promise<void> {
  await editor.openExample('linear-regression-module');
  await expect.poll(async () => (await editor.document()).name).toBe('Linear regression with nn.Linear');
}

/** The numbers a table in the inspector carries. */
async function tableNumbers(page: Page, testId: string): Promise<number[]> {
  return JSON.parse((await page.getByTestId(testId).getAttribute('data-value')) ?? '[]') as number[];
}

/** Switches the interface language. */
async function setLanguage(editor: Editor, lang: 'en' | 'ja'): Promise<void> {
  if ((await editor.snapshot()).lang !== lang) await editor.press('toolbar.lang');
  await expect.poll(async () => (await editor.snapshot()).lang).toBe(lang);
}

for (const lang of ['en', 'ja'] as const) {
  test(`three stepped training steps on nn.Linear land in the document and every view; one Undo returns to step 2 (${lang})`, async ({ editor, page }) => {
    await editor.open();
    await setLanguage(editor, lang);
    await openLinear(editor);
    for (let k = 0; k < 3; k++) await editor.press('step.training');
    const s = await editor.snapshot();
    const [w, b] = linearParams(s.document);
    const program = s.stepper.events.filter((e) => e.type === 'update').map((e) => e.after![0]);
    expect([w, b]).toEqual(program);
    expect(w).not.toBe(1);
    expect(s.history.undo.slice(-3)).toEqual(lang === 'en' ? ['Step 1', 'Step 2', 'Step 3'] : ['ステップ 1', 'ステップ 2', 'ステップ 3']);

    await test.step('the step bar, the status line and the loss curve: three points, the last the step bar’s loss', async () => {
      await expect(page.getByTestId('step.epoch')).toHaveAttribute('data-epoch', '3');
      const loss = Number(await page.getByTestId('step.loss').getAttribute('data-value'));
      expect(s.lossHistory).toHaveLength(3);
      expect(s.lossHistory[2]).toBe(loss);
      await expect(editor.status).toContainText(lang === 'en' ? `Step 3: loss ${Number(loss.toPrecision(4))}, parameters updated.` : `ステップ 3：損失 ${Number(loss.toPrecision(4))}`);
      await showPlot(page, 'loss');
      await expect(page.getByTestId('plot.loss')).toHaveAttribute('data-points', '3');
      await page.waitForTimeout(200);
      await editor.screenshot(`90-session-three-steps-loss-${lang}`);
    });

    await test.step('the contour map: a trail of three points ending at the stepped (W, B), the dot there', async () => {
      await showPlot(page, 'contour');
      await expect(page.getByTestId('plot.contour.trail')).toHaveAttribute('data-points', '3');
      expect(s.trail.map((p) => p.epoch)).toEqual([1, 2, 3]);
      expect(s.trail[2].params).toEqual({ 'linear.weight': [w], 'linear.bias': [b] });
      await expect(page.getByTestId('plot.contour.current')).toHaveAttribute('data-x', String(w));
      await expect(page.getByTestId('plot.contour.current')).toHaveAttribute('data-y', String(b));
      await page.waitForTimeout(200);
      await editor.screenshot(`91-session-three-steps-contour-${lang}`);
    });

    await test.step('the data-and-model line moved, and the inspector shows the stepped parameters', async () => {
      await showPlot(page, 'data');
      await expect(page.getByTestId('plot.data.model')).toBeVisible();
      await editor.select('linear');
      await expect(page.getByTestId('inspector.weight.cell.0')).toHaveValue(String(w));
      await expect(page.getByTestId('inspector.bias.cell.0')).toHaveValue(String(b));
      expect(await tableNumbers(page, 'inspector.param.weight.value')).toEqual([w]);
      expect(await tableNumbers(page, 'inspector.param.bias.value')).toEqual([b]);
    });

    await test.step('one Undo returns the document, the program, the curve and the trail to step 2', async () => {
      await editor.press('toolbar.undo');
      await expect.poll(async () => linearParams((await editor.snapshot()).document)).toEqual([s.trail[1].params['linear.weight'][0], s.trail[1].params['linear.bias'][0]]);
      const after = await editor.snapshot();
      expect(after.lossHistory).toEqual(s.lossHistory.slice(0, 2));
      expect(after.trail).toEqual(s.trail.slice(0, 2));
      await expect(page.getByTestId('step.epoch')).toHaveAttribute('data-epoch', '2');
      await expect(page.getByTestId('inspector.weight.cell.0')).toHaveValue(String(s.trail[1].params['linear.weight'][0]));
      expect(await tableNumbers(page, 'inspector.param.weight.value')).toEqual(s.trail[1].params['linear.weight']);
      await showPlot(page, 'contour');
      await expect(page.getByTestId('plot.contour.trail')).toHaveAttribute('data-points', '2');
    });
  });
}

test('Backward on the composite fills x.grad = 4x where PyTorch does: x shows its numbers, by the run control and by stepping to the end of backward', async ({ editor, page }) => {
  await editor.open();
  const grad = page.getByTestId('node.x.grad');

  await test.step('by the Backward run control', async () => {
    await editor.press('toolbar.backward');
    await expect.poll(async () => (await editor.snapshot()).nodes.x.grad).toEqual(XS.map((x) => 4 * x));
    await expect(grad).toContainText('-8, -7, -6, …');
    expect(await editor.shownNumbers('x', 'grad')).toEqual(XS.map((x) => 4 * x));
  });

  for (const lang of ['en', 'ja'] as const) {
    await setLanguage(editor, lang);
    await page.waitForTimeout(200);
    await editor.screenshot(`92-session-backward-x-grad-${lang}`);
  }
  await setLanguage(editor, 'en');

  await test.step('by stepping to the end of the backward phase', async () => {
    await editor.press('toolbar.zeroGrad');
    await editor.openExample('sigmoid-function');
    await editor.openExample('composite-function');
    await expect.poll(async () => (await editor.snapshot()).nodes.x.grad).toBeNull();
    await expect(grad).toHaveText(/None/);
    await editor.press('step.phase');
    await editor.press('step.phase');
    // Before the end of backward the gradient is not there yet, as in PyTorch.
    expect((await editor.snapshot()).nodes.x.grad).toBeNull();
    await editor.press('step.phase');
    const s = await editor.snapshot();
    expect(s.stepper.events[s.stepper.cursor].phase).toBe('backward');
    expect(s.nodes.x.grad).toEqual(XS.map((x) => 4 * x));
    await expect(grad).toContainText('-8, -7, -6, …');
    await expect(page.getByTestId('node.x.step.grad')).toContainText('-8, -7, -6, …');
    await expect(editor.status).not.toContainText('Press Backward');
    await page.waitForTimeout(200);
    await editor.screenshot('93-session-stepped-backward-x-grad-en');
  });
});

test('Train, reload: the loss curve, the trail and the step bar are still there', async ({ editor, page }) => {
  await editor.open();
  await openLinear(editor);
  await page.getByTestId('side.tab.train').click();
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('train.progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const trained = await editor.snapshot();
  expect(trained.lossHistory).toHaveLength(500);
  expect(trained.history.undo.at(-1)).toBe('Train 500 epochs');
  await expect(page.getByTestId('step.epoch')).toHaveAttribute('data-epoch', '500');
  await expect(page.getByTestId('step.loss')).toHaveAttribute('data-value', String(trained.lossHistory[499]));
  await expect(editor.status).toContainText('Trained 500 epochs');
  await editor.waitForAutosave();

  await page.reload();
  await editor.ready();
  const after = await editor.snapshot();
  expect(after.document).toEqual(trained.document);
  expect(after.lossHistory).toEqual(trained.lossHistory);
  expect(after.trail).toEqual(trained.trail);
  expect(after.trail.at(-1)?.epoch).toBe(500);
  await showPlot(page, 'loss');
  await expect(page.getByTestId('plot.loss')).toHaveAttribute('data-points', '500');
  await showPlot(page, 'contour');
  await expect(page.getByTestId('plot.contour.trail')).toHaveAttribute('data-points', String(trained.trail.length));
  await expect(page.getByTestId('plot.contour.current')).toHaveAttribute('data-x', String(linearParams(after.document)[0]));
  await expect(page.getByTestId('step.epoch')).toHaveAttribute('data-epoch', '500');
});

test('a CSV imported but not yet bound survives a reload', async ({ editor, page }) => {
  await editor.open();
  await page.getByTestId('side.tab.data').click();
  await page.getByTestId('datasets.builtin.blobs3').click();
  await page.getByTestId('datasets.role.x1').selectOption('unused');
  // Autosave keeps the panel beside the document: wait until the stored entry holds the changed role.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const index = JSON.parse(localStorage.getItem('gradcanvas.recent.v2') ?? '{"entries": []}') as { entries: { id: string }[] };
        const first = index.entries[0];
        const saved = first ? (JSON.parse(localStorage.getItem(`gradcanvas.recent.v2.doc.${first.id}`) ?? '{}') as { datasets?: { draft?: { roles: [string, string][] } } }) : {};
        return saved.datasets?.draft?.roles.find(([c]) => c === 'x1')?.[1] ?? null;
      }),
    )
    .toBe('unused');
  await page.reload();
  await editor.ready();
  await page.getByTestId('side.tab.data').click();
  await expect(page.getByTestId('datasets.preview')).toHaveAttribute('data-rows', '90');
  await expect(page.getByTestId('datasets.role.x1')).toHaveValue('unused');
});

test('with a constant selected, Backward starts from the loss, or with no loss from the single scalar output; the select beside it picks another', async ({ editor, page }) => {
  await editor.open();
  const constant = await editor.dropFromPalette('constant', { x: 200, y: 440 });
  expect((await editor.snapshot()).selection).toEqual([constant]);
  await editor.press('toolbar.backward');
  await expect.poll(async () => (await editor.snapshot()).backwardFrom).toBe('z');
  expect((await editor.snapshot()).nodes.x.grad).toEqual(XS.map((x) => 4 * x));
  await expect(page.getByTestId('toolbar.backwardFrom')).toHaveValue('');
  await expect(page.getByTestId('toolbar.backwardFrom').locator('option').first()).toHaveText('loss (z)');

  await editor.select('z');
  await page.getByTestId('inspector.useAsLoss').uncheck();
  await expect.poll(async () => (await editor.document()).loss).toBeNull();
  await editor.select(constant);
  await expect(page.getByTestId('toolbar.backwardFrom').locator('option').first()).toHaveText('output (z)');
  await editor.press('toolbar.backward');
  await expect.poll(async () => (await editor.snapshot()).nodes.x.grad).toEqual(XS.map((x) => 4 * x));
  expect((await editor.snapshot()).backwardFrom).toBe('z');

  // A second scalar output: Backward asks which one, and the select picks it.
  const sum = await editor.dropFromPalette('sum', { x: 460, y: 440 });
  await editor.connect('y', sum, 'x');
  await expect.poll(async () => (await editor.document()).edges.some((e) => e.target === sum)).toBe(true);
  await expect(editor.control('toolbar.backward')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('toolbar.runHint')).toContainText(`pick one in the list beside it`);
  await page.getByTestId('toolbar.backwardFrom').selectOption(sum);
  await editor.press('toolbar.backward');
  await expect.poll(async () => (await editor.snapshot()).backwardFrom).toBe(sum);
  expect((await editor.snapshot()).nodes.x.grad).toEqual(XS.map((x) => 4 * x));
  for (const lang of ['en', 'ja'] as const) {
    await setLanguage(editor, lang);
    await page.waitForTimeout(200);
    await editor.screenshot(`94-session-backward-from-select-${lang}`);
  }
  await setLanguage(editor, 'en');
});

test('changing linear’s inFeatures re-initialises both weight and bias, as the hint says', async ({ editor, page }) => {
  await editor.open();
  await openLinear(editor);
  await editor.press('step.training');
  const stepped = linearParams(await editor.document());
  expect(stepped).not.toEqual([1, 1]);
  await editor.select('linear');
  const field = page.getByTestId('inspector.attr.inFeatures');
  await field.fill('2');
  await field.press('Enter');
  await expect.poll(async () => (await editor.document()).nodes.find((n) => n.id === 'linear')?.params).toBeUndefined();
  await field.fill('1');
  await field.press('Enter');
  // Back at one input feature, both come from the initialiser (constant 1), not the trained bias.
  await expect.poll(async () => (await editor.snapshot()).nodes.linear.value.length).toBeGreaterThan(0);
  const s = await editor.snapshot();
  expect(s.document.nodes.find((n) => n.id === 'linear')?.params).toBeUndefined();
  expect(await tableNumbers(page, 'inspector.param.bias.value')).toEqual([1]);
  expect(await tableNumbers(page, 'inspector.param.weight.value')).toEqual([1]);
});

test.describe('close-ups', () => {
  test.use({ deviceScaleFactor: 2 });

  test('after Backward the x node reads its gradient as numbers under the sparkline', async ({ editor, page }) => {
    await editor.open();
    await editor.press('toolbar.backward');
    await expect(page.getByTestId('node.x.grad')).toContainText('-8, -7, -6, …');
    await editor.node('x').screenshot({ path: `${SCREENSHOTS}/95-session-x-node-grad-closeup.png` });
  });
});
