import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Editor } from './pages/Editor';
import { current } from './stepperHelpers';

// The window a learner on a laptop opens GradCanvas in.
test.use({ viewport: { width: 1440, height: 900 } });

/** Presses Step until the event shown is `type` of `node` (at most a whole training step). */
async function stepTo(editor: Editor, type: string, node: string): Promise<void> {
  for (let k = 0; k < 60; k++) {
    await editor.press('step.step');
    const ev = await current(editor);
    if (ev?.type === type && ev.node === node) return;
  }
  throw new Error(`no ${type} event of ${node} within 60 steps`);
}

/** The lit line's text without its `# node …` comment. */
async function litText(page: Page): Promise<string> {
  const text = (await page.getByTestId('pytorch.line.current').textContent()) ?? '';
  return text.replace(/ {2}#.*$/, '').trim();
}

/**
 * The lit line lies wholly inside the code box's visible part and the dock's (below the
 * dock's sticky tab list), and nothing covers it: what the page shows at its corners is the line.
 */
async function expectFullyVisible(page: Page): Promise<void> {
  const line = page.getByTestId('pytorch.line.current');
  await expect(line).toHaveCount(1);
  const box = (await line.boundingBox())!;
  const code = page.getByTestId('pytorch.code');
  const codeBox = (await code.boundingBox())!;
  // The code box's visible part: its client area (a horizontal scroll bar takes room at the bottom).
  const client = await code.evaluate((e) => ({ top: e.clientTop, left: e.clientLeft, width: e.clientWidth, height: e.clientHeight }));
  const dockBox = (await page.locator('.dock').boundingBox())!;
  const tabsBox = (await page.locator('.dock .tabs__list').boundingBox())!;
  const views = [
    { name: 'the code box', top: codeBox.y + client.top, bottom: codeBox.y + client.top + client.height, left: codeBox.x + client.left, right: codeBox.x + client.left + client.width },
    { name: 'the dock below its tabs', top: tabsBox.y + tabsBox.height, bottom: dockBox.y + dockBox.height, left: dockBox.x, right: dockBox.x + dockBox.width },
  ];
  for (const v of views) {
    const inside = box.y >= v.top && box.y + box.height <= v.bottom && box.x >= v.left && box.x + box.width <= v.right;
    expect(inside, `the lit line ${JSON.stringify(box)} lies inside ${v.name} ${JSON.stringify(v)}`).toBe(true);
  }
  const covered = await line.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const corners: [number, number][] = [
      [r.left + 2, r.top + 1],
      [r.left + 2, r.bottom - 1],
      [r.left + r.width / 2, r.top + 1],
      [r.left + r.width / 2, r.bottom - 1],
    ];
    return corners.filter(([x, y]) => !el.contains(document.elementFromPoint(x, y))).map(([x, y]) => document.elementFromPoint(x, y)?.outerHTML.slice(0, 80));
  });
  expect(covered, 'nothing covers the lit line').toEqual([]);
}

test('height and weight regression: the PyTorch view lights the line of each node, loss.backward() and optimizer.step(), always in full view', async ({ editor, page }) => {
  await editor.open();
  await editor.openExample('linear-regression-by-hand');
  await expect.poll(async () => (await editor.document()).name).toBe('Linear regression by hand');

  // Forward: X = height − mean is computed before the model, where the script writes it.
  await stepTo(editor, 'forward', 'X');
  await expect(page.getByTestId('pytorch.line.current')).toContainText('# node "X" (sub)');
  expect(await litText(page)).toBe('X = height - height_mean');
  await expectFullyVisible(page);
  await page.waitForTimeout(300);
  await editor.screenshot('90-pytorch-view-mid-forward');
  await editor.press('toolbar.lang');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expectFullyVisible(page);
  await page.waitForTimeout(300);
  await editor.screenshot('91-pytorch-view-mid-forward-ja');
  await editor.press('toolbar.lang');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Inside forward(): the model's own lines, one per node.
  await stepTo(editor, 'forward', 'WX');
  expect(await litText(page)).toBe('WX = self.W * X');
  await expectFullyVisible(page);
  await stepTo(editor, 'forward', 'loss');
  expect(await litText(page)).toBe('loss_ = torch.mean(err2)');
  await expectFullyVisible(page);

  // Backward: the loop's loss.backward(), far below forward() in the script.
  await editor.press('step.step');
  expect((await current(editor)).type).toBe('backward');
  expect(await litText(page)).toBe('loss.backward()');
  await expectFullyVisible(page);
  await page.waitForTimeout(300);
  await editor.screenshot('92-pytorch-view-backward');

  // The update: optimizer.step().
  await stepTo(editor, 'update', 'W');
  expect(await litText(page)).toBe('optimizer.step()');
  await expectFullyVisible(page);

  // After the step is written, the script starts from the new W (the view followed the parameters).
  await stepTo(editor, 'update', 'B');
  const w = (await editor.document()).nodes.find((n) => n.id === 'W')!.params!.value.data[0];
  expect(w).not.toBe(1);
  await expect(page.getByTestId('pytorch.code')).toContainText(`self.W = nn.Parameter(torch.tensor(${String(w)}))`);
});

test('the composite function: each node its own line, then z.backward(), always in full view', async ({ editor, page }) => {
  await editor.open();
  await stepTo(editor, 'forward', 'square');
  expect(await litText(page)).toBe('square = x**2');
  await expectFullyVisible(page);
  await stepTo(editor, 'forward', 'z');
  expect(await litText(page)).toBe('z = y.sum()');
  await expectFullyVisible(page);
  await editor.press('step.step');
  expect((await current(editor)).type).toBe('backward');
  expect(await litText(page)).toBe('z.backward()');
  await expectFullyVisible(page);
  await page.waitForTimeout(300);
  await editor.screenshot('93-pytorch-view-composite-backward');
});

test.describe('a short window, where the dock scrolls under its sticky tabs', () => {
  test.use({ viewport: { width: 1440, height: 480 } });

  /** Scrolls the dock to its end with the mouse wheel, as a learner reading the explanation would. */
  async function scrollDockToEnd(page: Page): Promise<void> {
    const dock = page.locator('.dock');
    const box = (await dock.boundingBox())!;
    await dock.hover({ position: { x: 40, y: box.height - 12 } });
    await page.mouse.wheel(0, 400);
    await expect.poll(() => dock.evaluate((d) => Math.ceil(d.scrollTop + d.clientHeight) >= d.scrollHeight)).toBe(true);
  }

  test('with the dock scrolled to its end, each lit line comes out from under the tabs, stepping back and forward', async ({ editor, page }) => {
    await editor.open();
    await editor.openExample('linear-regression-by-hand');
    await expect.poll(async () => (await editor.document()).name).toBe('Linear regression by hand');
    await stepTo(editor, 'forward', 'Y');
    expect(await page.locator('.dock').evaluate((d) => d.scrollHeight > d.clientHeight), 'the dock scrolls in a 480 px window').toBe(true);
    // Back up the inputs block: each line is above the last, towards the code box's top, which the tabs cover.
    for (let k = 0; k < 6; k++) {
      await scrollDockToEnd(page);
      await editor.press('step.back');
      await expectFullyVisible(page);
    }
    await editor.screenshot('94-pytorch-view-short-window');
    for (let k = 0; k < 12; k++) {
      await scrollDockToEnd(page);
      await editor.press('step.step');
      await expectFullyVisible(page);
    }
  });
});
