import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Editor } from './pages/Editor';
import { graphFile, importGraph } from './stepperHelpers';

test.use({ viewport: { width: 1440, height: 900 } });

const ROWS = 100;
const LENGTH = 10;
const STEP = { x: 220, y: 200 };

/** 1,000 nodes: 100 chains of x = arange(-2, 2.1, 0.25) → tanh → scale 1.5 → … (vector values, so nodes have sparklines); the first chain ends in the loss, a sum. */
function thousandNodes() {
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (let r = 0; r < ROWS; r++) {
    for (let i = 0; i < LENGTH; i++) {
      const id = `c${r}_${i}`;
      const position = { x: i * STEP.x, y: r * STEP.y };
      if (i === 0) nodes.push({ id, op: 'input', position, value: { type: 'arange', start: -2, end: 2.1, step: 0.25 } });
      else if (r === 0 && i === LENGTH - 1) nodes.push({ id, op: 'sum', position });
      else nodes.push({ id, op: i % 2 === 1 ? 'tanh' : 'scale', position, ...(i % 2 === 0 ? { attrs: { k: 1.5 } } : {}) });
      if (i > 0) edges.push({ source: `c${r}_${i - 1}`, target: id, targetPort: 'x' });
    }
  }
  return graphFile('A thousand nodes', nodes, edges, 'c0_9');
}

/** The ids of the nodes whose top-left corner is on the canvas (20 px inside its edges), from the saved viewport. */
async function onScreen(editor: Editor): Promise<{ ids: string[]; zoom: number }> {
  const s = await editor.snapshot();
  const v = s.viewport!;
  const box = (await editor.canvas.boundingBox())!;
  const ids = s.document.nodes
    .filter((n) => {
      const x = n.position.x * v.zoom + v.x;
      const y = n.position.y * v.zoom + v.y;
      return x > 20 && x < box.width - 200 && y > 20 && y < box.height - 60;
    })
    .map((n) => n.id);
  return { ids, zoom: v.zoom };
}

/** A point on the canvas's empty background, where a drag pans. */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  const at = await page.evaluate(() => {
    const r = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    for (let y = r.top + r.height / 2; y < r.bottom - 20; y += 5) {
      for (let x = r.left + r.width / 2; x < r.right - 200; x += 5) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!at) throw new Error('no empty canvas to drag');
  return at;
}

/** Waits until the viewport the session saved (at the end of each move) has the zoom `ok` accepts. */
async function zoomWhere(editor: Editor, ok: (zoom: number) => boolean): Promise<void> {
  await expect.poll(async () => ok((await editor.snapshot()).viewport?.zoom ?? NaN)).toBe(true);
}

test('a 1,000-node graph: nodes panned into view are drawn with their values; zoomed out they are labelled boxes without previews, zoomed back the previews return', async ({ editor, page }) => {
  test.setTimeout(90_000);
  await editor.open();
  await importGraph(editor, thousandNodes(), 'thousand.json');

  await test.step('open: the nodes on screen show their values and sparklines', async () => {
    await expect.poll(async () => (await onScreen(editor)).ids.length).toBeGreaterThan(4);
    const { ids } = await onScreen(editor);
    for (const id of ids) {
      await expect(editor.node(id)).toBeVisible();
      await expect(page.getByTestId(`node.${id}.value.numbers`)).toContainText(id.endsWith('_0') ? '-2, -1.75' : '-');
    }
    await expect(page.locator('.react-flow__node .tensor__spark').first()).toBeVisible();
  });

  await test.step('a drag of the background pans; every node that comes into view is drawn with its values', async () => {
    const before = await onScreen(editor);
    const from = await emptyPoint(page);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(from.x - 10 * i, from.y - 25 * i);
    await page.mouse.up();
    await expect.poll(async () => (await onScreen(editor)).ids.join()).not.toBe(before.ids.join());
    const after = await onScreen(editor);
    const arrived = after.ids.filter((id) => !before.ids.includes(id));
    expect(arrived.length).toBeGreaterThan(2);
    for (const id of after.ids) {
      await expect(editor.node(id)).toBeVisible();
      await expect(page.getByTestId(`node.${id}.value.numbers`)).toBeVisible();
    }
    await editor.screenshot('canvas-scale-panned');
  });

  await test.step('zoomed out below half size: labelled boxes, no values or sparklines', async () => {
    const zoomOut = page.getByRole('button', { name: 'Zoom out' });
    for (let i = 0; i < 6 && ((await editor.snapshot()).viewport?.zoom ?? 1) >= 0.5; i++) {
      const was = (await editor.snapshot()).viewport?.zoom ?? 1;
      await zoomOut.click();
      await zoomWhere(editor, (z) => z < was);
    }
    const { ids, zoom } = await onScreen(editor);
    expect(zoom).toBeLessThan(0.5);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids.slice(0, 20)) {
      await expect(editor.node(id)).toBeVisible();
      await expect(editor.node(id).locator('.opnode__name')).toHaveText(id);
      await expect(page.getByTestId(`node.${id}.op`)).toBeVisible();
    }
    await expect(page.locator('.react-flow__node [data-testid$=".value"]')).toHaveCount(0);
    await expect(page.locator('.react-flow__node .tensor__spark')).toHaveCount(0);
    await editor.screenshot('canvas-scale-zoomed-out');
  });

  await test.step('zoomed back in: the values and sparklines return', async () => {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await zoomWhere(editor, (z) => z >= 0.5);
    const { ids } = await onScreen(editor);
    for (const id of ids) await expect(page.getByTestId(`node.${id}.value.numbers`)).toBeVisible();
    await expect(page.locator('.react-flow__node .tensor__spark').first()).toBeVisible();
  });

  await test.step('zoomed far out, the minimap shows in a free corner as one painted canvas; dragging it pans the canvas, its wheel zooms', async () => {
    const zoomOut = page.getByRole('button', { name: 'Zoom out' });
    for (let i = 0; i < 20 && ((await editor.snapshot()).viewport?.zoom ?? 1) > 0.15; i++) {
      const was = (await editor.snapshot()).viewport?.zoom ?? 1;
      await zoomOut.click();
      await zoomWhere(editor, (z) => z < was);
    }
    const minimap = page.getByTestId('rf__minimap');
    await expect(minimap).toBeVisible();
    // A thousand nodes, yet the minimap is one canvas and one frame path, not a shape per node.
    await expect(minimap.locator('canvas')).toHaveCount(1);
    expect(await minimap.locator('*').count()).toBeLessThan(6);
    const box = (await minimap.boundingBox())!;
    const start = (await editor.snapshot()).viewport!;
    // Dragging the view's frame down in the minimap moves the view down the graph: the canvas's content goes up.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 3 * i);
    await page.mouse.up();
    await expect.poll(async () => (await editor.snapshot()).viewport!.y).toBeLessThan(start.y - 10);
    expect((await editor.snapshot()).viewport!.zoom).toBe(start.zoom);
    // The wheel over the minimap zooms the canvas in.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -200);
    await zoomWhere(editor, (z) => z > start.zoom * 1.1);
    await editor.screenshot('canvas-scale-minimap');
  });
});

/** 250 scalar pairs x_r = r/100 (requires grad) → square; the first square is the loss. */
function scalarPairs() {
  const nodes: unknown[] = [];
  const edges: unknown[] = [];
  for (let r = 0; r < 250; r++) {
    nodes.push({ id: `x${r}`, op: 'input', requiresGrad: true, position: { x: 0, y: r * 120 }, value: { type: 'tensor', shape: [], data: [r / 100] } });
    nodes.push({ id: `sq${r}`, op: 'square', position: { x: 240, y: r * 120 } });
    edges.push({ source: `x${r}`, target: `sq${r}`, targetPort: 'x' });
  }
  return graphFile('Two hundred and fifty squares', nodes, edges, 'sq0');
}

test('a graph of 250 scalars: the list beside Backward offers 200 of them and says, in either language, how to start from the others', async ({ editor, page }) => {
  await editor.open();
  await importGraph(editor, scalarPairs(), 'squares.json');
  const from = page.getByTestId('toolbar.backwardFrom');
  // The automatic choice (the loss), 200 of the other 249 squares, and one line for the 49 left out.
  await expect(from.locator('option')).toHaveCount(202);
  const unlisted = page.getByTestId('toolbar.backwardFrom.unlisted');
  await expect(unlisted).toHaveText('49 more scalars: select one and tick “Use as loss” in the Inspector');
  await expect(unlisted).toBeDisabled();
  // A listed square picked from the list is where Backward starts.
  await from.selectOption('sq7');
  await editor.press('toolbar.backward');
  await expect.poll(async () => (await editor.snapshot()).backwardFrom).toBe('sq7');
  expect((await editor.snapshot()).nodes.x7.grad).toEqual([2 * 0.07]);
  await editor.press('toolbar.lang');
  await expect(unlisted).toHaveText('ほかに 49 個のスカラー：ノードを選び、インスペクターの「損失として使う」で起点にできます');
  await expect(from).toHaveValue('sq7');
});
