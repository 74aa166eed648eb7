import type { Snapshot } from '../src/testHook';
import { expect, test, XS } from './fixtures';
import type { Editor } from './pages/Editor';

test.use({ viewport: { width: 1600, height: 900 } });

/** The documents seen after each edit, keyed by the length of the undo stack at that moment. */
type Timeline = Map<number, Snapshot['document']>;

async function record(editor: Editor, timeline: Timeline): Promise<void> {
  const s = await editor.snapshot();
  timeline.set(s.history.undo.length, s.document);
}

/** Types into an inspector field and commits it the way a person does: Enter. */
async function setField(editor: Editor, testId: string, value: string): Promise<void> {
  const field = editor.page.getByTestId(testId);
  await field.fill(value);
  await field.press('Enter');
}

test('build y = 2x² + 2, z = sum(y) from an empty canvas by drag-and-drop; x.grad = 4x; cycles refused; undo/redo; reload keeps everything', async ({ editor, page }) => {
  test.setTimeout(120_000);
  const timeline: Timeline = new Map();
  await editor.open();

  await test.step('File → New empties the canvas (undoably)', async () => {
    await editor.press('file.new');
    await expect.poll(async () => (await editor.document()).nodes.length).toBe(0);
    await expect(editor.control('toolbar.undo')).toBeEnabled();
    await editor.screenshot('10-new-empty-canvas');
  });

  const ids: Record<string, string> = {};
  await test.step('drag five operators from the palette onto the canvas', async () => {
    ids.x = await editor.dropFromPalette('input', { x: 120, y: 140 });
    await record(editor, timeline);
    ids.square = await editor.dropFromPalette('square', { x: 310, y: 380 });
    await record(editor, timeline);
    ids.scale = await editor.dropFromPalette('scale', { x: 500, y: 140 });
    await record(editor, timeline);
    ids.add = await editor.dropFromPalette('add', { x: 690, y: 380 });
    await record(editor, timeline);
    ids.sum = await editor.dropFromPalette('sum', { x: 880, y: 140 });
    await record(editor, timeline);
    expect(ids).toEqual({ x: 'input', square: 'square', scale: 'scale', add: 'add', sum: 'sum' });
    const doc = await editor.document();
    expect(doc.nodes.map((n) => [n.id, n.op])).toEqual([
      ['input', 'input'],
      ['square', 'square'],
      ['scale', 'scale'],
      ['add', 'add'],
      ['sum', 'sum'],
    ]);
  });

  await test.step('wire them handle to handle with the mouse', async () => {
    await editor.connect('input', 'square', 'x');
    await record(editor, timeline);
    await editor.connect('square', 'scale', 'x');
    await record(editor, timeline);
    await editor.connect('scale', 'add', 'a');
    await record(editor, timeline);
    await editor.connect('add', 'sum', 'x');
    await record(editor, timeline);
    await expect
      .poll(async () => (await editor.document()).edges)
      .toEqual([
        { source: 'input', target: 'square', targetPort: 'x' },
        { source: 'square', target: 'scale', targetPort: 'x' },
        { source: 'scale', target: 'add', targetPort: 'a' },
        { source: 'add', target: 'sum', targetPort: 'x' },
      ]);
    await editor.screenshot('11-wired');
  });

  await test.step('set x = arange(-2, 2.1, 0.25) with requires_grad, k = 2 and c = 2 in the inspector', async () => {
    await editor.select('input');
    await page.getByTestId('inspector.source').selectOption('arange');
    await record(editor, timeline);
    await setField(editor, 'inspector.arange.start', '-2');
    await record(editor, timeline);
    await setField(editor, 'inspector.arange.end', '2.1');
    await record(editor, timeline);
    await setField(editor, 'inspector.arange.step', '0.25');
    await record(editor, timeline);
    await page.getByTestId('inspector.requiresGrad').check();
    await record(editor, timeline);
    await editor.select('scale');
    await setField(editor, 'inspector.attr.k', '2');
    await record(editor, timeline);
    await editor.select('add');
    await setField(editor, 'inspector.attr.c', '2');
    await record(editor, timeline);

    const doc = await editor.document();
    const x = doc.nodes.find((n) => n.id === 'input');
    expect(x?.value).toEqual({ type: 'arange', start: -2, end: 2.1, step: 0.25 });
    expect(x?.requiresGrad).toBe(true);
    expect(doc.nodes.find((n) => n.id === 'scale')?.attrs).toEqual({ k: 2 });
    expect(doc.nodes.find((n) => n.id === 'add')?.attrs).toEqual({ c: 2 });
    const s = await editor.snapshot();
    // Only the warning that no node is marked as the loss: Backward starts from the one scalar sink.
    expect(s.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(s.nodes.input.value).toEqual(XS);
    expect(s.nodes.add.value).toEqual(XS.map((v) => 2 * v * v + 2));
    expect(s.nodes.sum.value).toEqual([85]);
    expect(await editor.shownNumbers('sum', 'value')).toEqual([85]);
  });

  await test.step('Backward: the x node shows its gradient 4x', async () => {
    await editor.press('toolbar.backward');
    await expect.poll(async () => (await editor.snapshot()).nodes.input.grad).toEqual(XS.map((v) => 4 * v));
    await expect.poll(() => editor.shownNumbers('input', 'grad')).toEqual(XS.map((v) => 4 * v));
    await expect(editor.status).toContainText('Backward ran once from sum');
    await editor.screenshot('12-built-backward-x-grad-4x');
  });

  await test.step('a wire that would close a cycle is refused with a message', async () => {
    const before = await editor.document();
    await editor.connect('sum', 'add', 'b');
    await expect(editor.notice).toBeVisible();
    await expect(editor.notice).toContainText(/cycle/i);
    expect(await editor.document()).toEqual(before);
    await editor.screenshot('13-cycle-refused');
    await editor.press('notice.close');
    await expect(editor.notice).toBeHidden();
  });

  await test.step('undo five edits, then redo them, checking the document after each', async () => {
    const top = (await editor.snapshot()).history.undo.length;
    expect(top).toBeGreaterThanOrEqual(5);
    for (let i = 1; i <= 5; i++) {
      await editor.press('toolbar.undo');
      await expect.poll(async () => (await editor.snapshot()).history.undo.length).toBe(top - i);
      expect(await editor.document(), `after undo ${i}`).toEqual(timeline.get(top - i));
    }
    for (let i = 4; i >= 0; i--) {
      await editor.press('toolbar.redo');
      await expect.poll(async () => (await editor.snapshot()).history.undo.length).toBe(top - i);
      expect(await editor.document(), `after redo to ${top - i}`).toEqual(timeline.get(top - i));
    }
    await expect(editor.control('toolbar.redo')).toBeDisabled();
  });

  await test.step('reload: the graph, the viewport and the selection are as they were', async () => {
    await editor.select('input');
    // Pan and zoom away from the default view, so a restored viewport is distinguishable.
    const box = (await editor.canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width - 60, box.y + box.height - 60);
    await page.mouse.wheel(0, -200);
    await expect.poll(async () => (await editor.snapshot()).viewport?.zoom ?? 1).not.toBe(1);
    const before = await editor.snapshot();
    await editor.waitForAutosave();
    await page.reload();
    await editor.ready();
    const after = await editor.snapshot();
    expect(after.document).toEqual(before.document);
    expect(after.selection).toEqual(['input']);
    expect(after.viewport).toEqual(before.viewport);
    expect(after.nodes.sum.value).toEqual([85]);
    await expect(page.locator('.react-flow__node[data-id="input"]')).toHaveClass(/selected/);
    const transform = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
    const [, zoom, , x, y] = transform.match(/matrix\(([^,]+), [^,]+, [^,]+, ([^,]+), ([^,]+), ([^)]+)\)/)?.map(Number) ?? [];
    // The canvas draws the restored viewport (CSS rounds the matrix a little).
    expect(zoom).toBeCloseTo(before.viewport!.zoom, 3);
    expect(x).toBeCloseTo(before.viewport!.x, 1);
    expect(y).toBeCloseTo(before.viewport!.y, 1);
    await editor.screenshot('14-after-reload');
  });
});
