import { expect, test } from './fixtures';
import type { Editor } from './pages/Editor';

// The window a learner on a laptop opens GradCanvas in.
test.use({ viewport: { width: 1440, height: 900 } });

/** The canvas zoom React Flow draws at. */
async function zoom(editor: Editor): Promise<number> {
  const transform = await editor.page.locator('.react-flow__viewport').evaluate((e) => (e as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)![1]);
}

/** A canvas text's size on screen: its CSS font size times the zoom. */
async function onScreenPx(editor: Editor, testId: string): Promise<number> {
  const css = await editor.page.getByTestId(testId).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  return css * (await zoom(editor));
}

test("x's numbers are readable at the opening zoom, and a second Backward visibly doubles x.grad", async ({ editor, page }) => {
  await editor.open();
  const z = await zoom(editor);
  expect(z).toBeLessThanOrEqual(1.5);
  expect(await onScreenPx(editor, 'node.x.value.numbers')).toBeGreaterThanOrEqual(12);
  expect(await onScreenPx(editor, 'node.x.value.min')).toBeGreaterThanOrEqual(12);
  await expect(page.getByTestId('node.x.value.min')).toHaveText('-2');
  await expect(page.getByTestId('node.x.value.max')).toHaveText('2');
  await expect(page.getByTestId('node.x.value.numbers')).toContainText('-2, -1.75');

  await editor.press('toolbar.backward');
  await expect(page.getByTestId('node.x.grad.min')).toHaveText('-8');
  await expect(page.getByTestId('node.x.grad.max')).toHaveText('8');
  await expect(page.getByTestId('node.x.grad.scale')).toHaveText('±10');
  expect(await onScreenPx(editor, 'node.x.grad.max')).toBeGreaterThanOrEqual(12);

  await editor.press('toolbar.backward');
  await expect(page.getByTestId('node.x.grad.min')).toHaveText('-16');
  await expect(page.getByTestId('node.x.grad.max')).toHaveText('16');
  // The plot's scale doubles with the gradient, so the picture does not hide the doubling.
  await expect(page.getByTestId('node.x.grad.scale')).toHaveText('±20');
  await expect(page.getByTestId('node.x.grad.numbers')).toContainText('-16, -14');
  await editor.screenshot('80-readable-backward-twice');

  await editor.press('toolbar.lang');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByTestId('node.x.grad.max')).toHaveText('16');
  await editor.screenshot('81-readable-backward-twice-ja');
});

test('the minimap covers no node on the nn.Linear example with the dock open', async ({ editor, page }) => {
  await editor.open();
  await editor.openExample('linear-regression-module');
  await expect(editor.node('loss')).toBeVisible();
  await expect(page.locator('.dock')).toBeVisible();
  await expect(page.getByTestId('node.loss.value')).not.toHaveText('not computed');

  const boxes = await page.locator('.react-flow__node').evaluateAll((ns) => ns.map((n) => n.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBe(8);
  const map = page.locator('.react-flow__minimap');
  if ((await map.count()) > 0) {
    const m = (await map.boundingBox())!;
    for (const b of boxes) {
      const apart = b.x + b.width <= m.x || m.x + m.width <= b.x || b.y + b.height <= m.y || m.y + m.height <= b.y;
      expect(apart, `the minimap at ${JSON.stringify(m)} covers a node at ${JSON.stringify(b)}`).toBe(true);
    }
  }
  await editor.screenshot('82-readable-linear-dock');
  await editor.press('toolbar.lang');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await editor.screenshot('83-readable-linear-dock-ja');
});

test("the composite function's PyTorch view is written as the course writes it", async ({ editor, page }) => {
  await editor.open();
  await editor.press('step.step');
  const code = page.getByTestId('pytorch.code');
  await expect(code).toContainText('x = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)');
  await expect(code).toContainText('z = y.sum()');
  await expect(code).toContainText('z.backward()');
  await expect(code).toContainText('print(x.grad)');
  await expect(code).not.toContainText('class Net');
});
