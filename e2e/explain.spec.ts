import type { Locator } from '@playwright/test';
import { expect, test, XS } from './fixtures';
import type { Editor } from './pages/Editor';
import { current } from './stepperHelpers';

// The window a learner on a laptop opens GradCanvas in.
test.use({ viewport: { width: 1440, height: 900 } });

/** A number as the explanation writes it: shortest decimal, with a true minus sign. */
const num = (v: number) => String(v).replace('-', '−');
/** A number as a factor: a negative one in parentheses. */
const factor = (v: number) => (v < 0 ? `(${num(v)})` : num(v));

/** The numbers lines of the explanation, read on one line. */
async function numbers(editor: Editor): Promise<string[]> {
  return editor.page.getByTestId('step.explain.numbers').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.plain ?? ''));
}

/** Steps until the current event is `type` at `node`. */
async function stepTo(editor: Editor, type: 'forward' | 'backward', node: string) {
  for (let k = 0; k < 12; k++) {
    const ev = await current(editor);
    if (ev?.type === type && ev.node === node) return;
    await editor.press('step.step');
  }
  throw new Error(`never reached ${type} ${node}`);
}

/** The canvas zoom React Flow draws at. */
async function zoom(editor: Editor): Promise<number> {
  const transform = await editor.page.locator('.react-flow__viewport').evaluate((e) => (e as HTMLElement).style.transform);
  return Number(/scale\(([\d.]+)\)/.exec(transform)![1]);
}

/** True when two boxes on screen share any area. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const p = (await a.boundingBox())!;
  const q = (await b.boundingBox())!;
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
}

/** Every node's step overlay lines stay clear of its own value and gradient text. */
async function overlaysClear(editor: Editor, ids: readonly string[]) {
  for (const id of ids) {
    for (const overlay of ['step.value', 'step.grad']) {
      const o = editor.page.getByTestId(`node.${id}.${overlay}`);
      if ((await o.count()) === 0) continue;
      for (const text of [`node.${id}.value`, `node.${id}.grad`]) {
        expect(await overlap(o, editor.page.getByTestId(text)), `${id}'s ${overlay} covers ${text}`).toBe(false);
      }
    }
  }
}

const NODES = ['x', 'square', 'scale', 'y', 'z'];

test('the explanation names its element, follows x[3] clicked in x’s table, and the step overlay never covers a node’s value', async ({ editor, page }) => {
  await editor.open();
  const focus = page.getByTestId('step.explain.focus');
  await editor.press('step.step');
  // By default: element 0, and it says so.
  await expect(focus).toHaveAttribute('data-element', '');
  await expect(focus).toContainText('element 0');
  expect(await numbers(editor)).toEqual([`x[0] = ${num(XS[0])}`]);

  // Open x's table in place: every element, readable at the opening zoom.
  await editor.press('node.x.tableToggle');
  const table = page.getByTestId('node.x.table');
  await expect(table.locator('tbody tr')).toHaveCount(XS.length);
  await expect(page.getByTestId('node.x.table.3.value')).toHaveText(String(XS[3]));
  const px = await page.getByTestId('node.x.table.3.value').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(px * (await zoom(editor))).toBeGreaterThanOrEqual(12);

  // Click x[3]: the explanation follows it, the row is highlighted, and so is the inspector's cell.
  await page.getByTestId('node.x.table.3.value').click();
  await expect(focus).toHaveAttribute('data-element', 'x[3]');
  await expect(page.getByTestId('node.x.table.3')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('node.x.table.0')).not.toHaveAttribute('aria-current');
  await expect(page.getByTestId('inspector.value.cell.3')).toHaveClass(/insp-cell--followed/);
  const x3 = XS[3];
  expect(await numbers(editor)).toEqual([`x[3] = ${num(x3)}`]);

  // Forward at element 3 of y = 2x² + 2, each number from the formula.
  await stepTo(editor, 'forward', 'square');
  expect(await numbers(editor)).toEqual([`square[3] = x[3]² = ${factor(x3)}² = ${num(x3 * x3)}`]);
  await stepTo(editor, 'forward', 'scale');
  expect(await numbers(editor)).toEqual([`scale[3] = 2·square[3] = 2·${factor(x3 * x3)} = ${num(2 * x3 * x3)}`]);
  await stepTo(editor, 'forward', 'y');
  expect(await numbers(editor)).toEqual([`y[3] = scale[3] + 2 = ${factor(2 * x3 * x3)} + 2 = ${num(2 * x3 * x3 + 2)}`]);
  await overlaysClear(editor, NODES);
  await page.waitForTimeout(300);
  await editor.screenshot('90-explain-mid-forward');
  await editor.press('toolbar.lang');
  await expect(focus).toContainText('x[3] を追っています');
  await page.waitForTimeout(300);
  await editor.screenshot('91-explain-mid-forward-ja');
  await editor.press('toolbar.lang');

  // z = y.sum() is the value being differentiated, not a loss measuring a distance to a target.
  await stepTo(editor, 'forward', 'z');
  const z = XS.reduce((a, x) => a + 2 * x * x + 2, 0);
  expect((await numbers(editor))[0]).toMatch(new RegExp(`= ${num(z)}$`));
  await expect(page.getByTestId('step.explain')).toContainText('value being differentiated');
  await expect(page.getByTestId('step.explain')).toContainText('z.backward()');
  await expect(page.getByTestId('step.explain')).not.toContainText('from the target');

  // Backward at element 3: x.grad[3] = 2·x[3]·square.grad[3] = 4·x[3].
  await stepTo(editor, 'backward', 'z');
  await expect(page.getByTestId('step.explain')).toContainText('z.backward()');
  await stepTo(editor, 'backward', 'square');
  expect(await numbers(editor)).toEqual(['square.grad[3] = 2·scale.grad[3] = 2·1 = 2']);
  await overlaysClear(editor, NODES);
  await page.waitForTimeout(300);
  await editor.screenshot('92-explain-mid-backward');
  await editor.press('toolbar.lang');
  await expect(page.getByTestId('step.explain')).toContainText('square.grad[3] = 2·scale.grad[3]');
  await page.waitForTimeout(300);
  await editor.screenshot('93-explain-mid-backward-ja');
  await editor.press('toolbar.lang');
  await stepTo(editor, 'backward', 'x');
  expect(await numbers(editor)).toEqual([`x.grad[3] = 2·x[3]·square.grad[3] = 2·${factor(x3)}·2 = ${num(4 * x3)}`]);
  await overlaysClear(editor, NODES);

  // Following from the inspector's table works the same way; Back to element 0 drops it.
  await page.getByTestId('inspector.value.cell.5').click();
  await expect(focus).toHaveAttribute('data-element', 'x[5]');
  await expect(page.getByTestId('node.x.table.5')).toHaveAttribute('aria-current', 'true');
  expect(await numbers(editor)).toEqual([`x.grad[5] = 2·x[5]·square.grad[5] = 2·${factor(XS[5])}·2 = ${num(4 * XS[5])}`]);
  await editor.press('step.explain.unfollow');
  await expect(focus).toHaveAttribute('data-element', '');
  expect(await numbers(editor)).toEqual([`x.grad[0] = 2·x[0]·square.grad[0] = 2·${factor(XS[0])}·2 = ${num(4 * XS[0])}`]);
});
