import { expect, test, XS } from './fixtures';
import type { Editor } from './pages/Editor';

test.use({ viewport: { width: 1600, height: 900 } });

/** The top-left corner of a node as the document stores it. */
async function position(editor: Editor, id: string) {
  const n = (await editor.document()).nodes.find((m) => m.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n.position;
}

test('a palette op dropped on the canvas lands where it was dropped, on the grid, selected', async ({ editor, page }) => {
  await editor.open();
  const id = await editor.dropFromPalette('square', { x: 700, y: 600 });
  expect(id).toBe('square_2');
  const p = await position(editor, id);
  expect(p.x % 20).toBe(0);
  expect(p.y % 20).toBe(0);
  // The drop point falls on the new node.
  const box = (await editor.node(id).boundingBox())!;
  const canvas = (await editor.canvas.boundingBox())!;
  const drop = { x: canvas.x + 700, y: canvas.y + 600 };
  expect(drop.x).toBeGreaterThan(box.x);
  expect(drop.x).toBeLessThan(box.x + box.width);
  expect(drop.y).toBeGreaterThan(box.y - 20);
  expect(drop.y).toBeLessThan(box.y + box.height);
  expect((await editor.snapshot()).selection).toEqual([id]);
  await expect(page.getByTestId(`node.${id}.op`)).toHaveText('square');
  await expect(page.getByTestId(`node.${id}.problem`)).toContainText('Missing input');
});

test('reshape from the Shape group of the palette: its shape field takes one -1, a shape that does not fit is a problem on the node, two -1s are refused at the field (English and Japanese)', async ({ editor, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await editor.open();
  await expect(page.getByRole('heading', { name: 'Shape', exact: true })).toBeVisible();
  const id = await editor.dropFromPalette('reshape', { x: 640, y: 560 });
  expect(id).toBe('reshape');
  await editor.connect('x', id, 'x');
  await expect.poll(async () => (await editor.document()).edges).toContainEqual({ source: 'x', target: id, targetPort: 'x' });
  // The default [-1] flattens: x's 17 numbers stay 17.
  await expect(page.getByTestId(`node.${id}.shape`)).toHaveText('[17]');
  await editor.select(id);
  const field = page.getByTestId('inspector.attr.shape');
  await expect(field).toHaveValue('-1');
  await field.fill('-1, 1');
  await field.press('Enter');
  await expect.poll(async () => (await editor.document()).nodes.find((n) => n.id === id)?.attrs).toEqual({ shape: [-1, 1] });
  await expect(page.getByTestId(`node.${id}.shape`)).toHaveText('[17, 1]');
  await expect.poll(() => editor.shownNumbers(id, 'value')).toEqual(Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i));

  await field.fill('2, -1');
  await field.press('Enter');
  await expect(page.getByTestId(`node.${id}.problem`)).toContainText('shape [2, -1] does not fit an input [17] of 17 elements');

  await field.fill('-1, -1');
  await field.press('Enter');
  await expect(page.getByTestId('inspector.error.attr.shape')).toContainText('Only one length can be -1.');
  expect((await editor.document()).nodes.find((n) => n.id === id)?.attrs).toEqual({ shape: [2, -1] });
  await page.waitForTimeout(300);
  await editor.screenshot('canvas-reshape-en');

  await editor.press('toolbar.lang');
  await expect(page.getByRole('heading', { name: '形状の変更', exact: true })).toBeVisible();
  await expect(page.getByTestId(`node.${id}.problem`)).toContainText('形状 [2, -1] は要素数 17 の入力 [17] に合いません');
  await expect(page.getByTestId('inspector.error.attr.shape')).toContainText('-1 にできる長さは 1 つだけです。');
  await page.waitForTimeout(300);
  await editor.screenshot('canvas-reshape-ja');
  await editor.press('toolbar.lang');
});

test('a wire pulled handle to handle connects ports; cycles, fed ports and output-to-output are refused with the reason', async ({ editor, page }) => {
  await editor.open();
  const sq = await editor.dropFromPalette('square', { x: 700, y: 600 });

  await editor.connect('z', sq, 'x');
  await expect.poll(async () => (await editor.document()).edges).toContainEqual({ source: 'z', target: sq, targetPort: 'x' });
  await expect(page.getByTestId(`node.${sq}.shape`)).toHaveText('[]');
  await expect.poll(() => editor.shownNumbers(sq, 'value')).toEqual([85 * 85]);
  await expect(page.getByTestId(`node.${sq}.problem`)).toHaveCount(0);
  const edges = (await editor.document()).edges;

  // square_2 → y.b would close y → z → square_2 → y.
  await editor.connect(sq, 'y', 'b');
  await expect(editor.notice).toContainText('cycle');
  await expect(editor.notice).toContainText('→');
  expect((await editor.document()).edges).toEqual(edges);
  await editor.screenshot('30-canvas-cycle-refused');

  await editor.connect('scale', 'square', 'x');
  await expect(editor.notice).toContainText('already fed by x');
  expect((await editor.document()).edges).toEqual(edges);

  // Output to output: drag from x's output onto square's output.
  const from = (await editor.handle('x', 'out').boundingBox())!;
  const to = (await editor.handle('square', 'out').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(editor.notice).toContainText('output');
  expect((await editor.document()).edges).toEqual(edges);
});

test('dragging a node moves it on the grid as one undo step; Ctrl+Z and Shift+Ctrl+Z take it back and forth', async ({ editor, page }) => {
  await editor.open();
  const before = await position(editor, 'square');
  const box = (await editor.node('square').boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + 130, box.y + 208, { steps: 12 });
  await page.mouse.up();
  await expect.poll(async () => (await position(editor, 'square')).y).toBeGreaterThan(before.y + 100);
  const after = await position(editor, 'square');
  expect(after.x % 20).toBe(0);
  expect(after.y % 20).toBe(0);
  expect((await editor.snapshot()).history.undo).toEqual(['move']);

  await page.keyboard.press('Control+z');
  await expect.poll(() => position(editor, 'square')).toEqual(before);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => position(editor, 'square')).toEqual(after);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect.poll(() => position(editor, 'square')).toEqual(after);
});

test('copy, paste, duplicate and Delete work on the selection, and undo one step each', async ({ editor, page }) => {
  await editor.open();
  await editor.select('scale');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect.poll(async () => (await editor.snapshot()).selection).toEqual(['scale_2']);
  const pasted = (await editor.document()).nodes.find((n) => n.id === 'scale_2')!;
  expect(pasted.attrs).toEqual({ k: 2 });
  await page.keyboard.press('Control+d');
  await expect.poll(async () => (await editor.snapshot()).selection).toHaveLength(1);
  const dup = (await editor.snapshot()).selection[0];
  expect(dup).not.toBe('scale_2');
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await editor.document()).nodes.map((n) => n.id)).toEqual(['x', 'square', 'scale', 'y', 'z', 'scale_2']);
  expect((await editor.snapshot()).history.undo).toEqual(['paste', 'duplicate', 'delete']);

  // Deleting a node removes its wires too.
  await editor.select('square');
  await page.keyboard.press('Backspace');
  await expect.poll(async () => (await editor.document()).edges.some((e) => e.source === 'square' || e.target === 'square')).toBe(false);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await editor.document()).edges).toContainEqual({ source: 'x', target: 'square', targetPort: 'x' });
  // With the unwired copy gone too, the graph evaluates again.
  await editor.select('scale_2');
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await editor.snapshot()).nodes.x?.value).toEqual(XS);
});

test('typing in a field keeps Ctrl+Z and Backspace for the field', async ({ editor, page }) => {
  await editor.open();
  await editor.select('scale');
  const search = page.getByRole('searchbox').first();
  await search.fill('squ');
  await search.press('Backspace');
  await search.press('Control+z');
  expect((await editor.document()).nodes.map((n) => n.id)).toEqual(['x', 'square', 'scale', 'y', 'z']);
  expect((await editor.snapshot()).history.undo).toEqual([]);
});

test('auto-layout arranges the graph left to right as one undoable edit', async ({ editor, page }) => {
  await editor.open();
  await editor.dropFromPalette('sum', { x: 300, y: 650 });
  await page.getByTestId('canvas.autoLayout').click();
  await expect.poll(async () => (await editor.snapshot()).history.undo.at(-1)).toBe('auto layout');
  const doc = await editor.document();
  const at = new Map(doc.nodes.map((n) => [n.id, n.position]));
  for (const e of doc.edges) expect(at.get(e.target)!.x).toBeGreaterThan(at.get(e.source)!.x);
  await editor.screenshot('31-canvas-auto-layout');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await editor.snapshot()).history.undo.at(-1)).toBe('add node');
});

test('a node with a problem shows it in red, with the message on hover and keyboard focus', async ({ editor, page }) => {
  await editor.open();
  const id = await editor.dropFromPalette('add', { x: 700, y: 600 });
  const problem = page.getByTestId(`node.${id}.problem`);
  await expect(problem).toContainText('Missing input');
  const tip = page.getByRole('tooltip').filter({ hasText: `${id}.a` });
  await page.mouse.move(5, 5);
  await expect(tip).toBeHidden();
  await editor.node(id).hover();
  await expect(tip).toBeVisible();
  await page.mouse.move(5, 5);
  await editor.node(id).focus();
  await expect(tip).toBeVisible();
  await expect(editor.node(id)).toHaveAccessibleDescription(/not connected/);
  await editor.screenshot('32-canvas-problem-tooltip');
});
