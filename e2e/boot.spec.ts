import { expect, test, XS } from './fixtures';

test('the app opens on the composite-function example, evaluated: a value on every node', async ({ editor, page }) => {
  await editor.open();
  await expect(page).toHaveTitle('GradCanvas');
  const s = await editor.snapshot();
  expect(s.document.nodes.map((n) => n.id)).toEqual(['x', 'square', 'scale', 'y', 'z']);
  expect(s.nodes.x.value).toEqual(XS);
  expect(s.nodes.z).toEqual({ shape: [], value: [85], grad: null });
  expect(s.nodes.x.grad, 'before Backward every .grad is None').toBeNull();
  expect(await editor.shownNumbers('x', 'grad')).toBeNull();
  for (const id of ['x', 'square', 'scale', 'y', 'z']) await expect(page.getByTestId(`node.${id}.value`)).toBeVisible();
  expect(await editor.shownNumbers('z', 'value')).toEqual([85]);
  expect(await editor.shownNumbers('y', 'value')).toEqual(XS.map((x) => 2 * x * x + 2));
  expect(s.history.undo, 'the boot itself is not an undoable step').toEqual([]);
  await expect(editor.control('toolbar.undo')).toBeDisabled();
  await editor.screenshot('01-boot-composite-example');
});

test('Backward gives x.grad = 4x, again doubles it (accumulation, as in PyTorch), Zero grad zeroes it', async ({ editor }) => {
  await editor.open();
  await editor.press('toolbar.backward');
  await expect.poll(async () => (await editor.snapshot()).nodes.x.grad).toEqual(XS.map((x) => 4 * x));
  await expect(editor.status).toContainText('Backward ran once');

  await editor.press('toolbar.backward');
  await expect.poll(async () => (await editor.snapshot()).nodes.x.grad).toEqual(XS.map((x) => 8 * x));
  await expect(editor.status).toContainText('Backward ran 2× since zero grad');
  expect(await editor.shownNumbers('x', 'grad')).toEqual(XS.map((x) => 8 * x));
  expect((await editor.snapshot()).backwardCount).toBe(2);
  await editor.screenshot('02-backward-twice-accumulated');

  await editor.press('toolbar.zeroGrad');
  await expect.poll(async () => (await editor.snapshot()).nodes.x.grad).toEqual(XS.map(() => 0));
  await expect(editor.status).toContainText('Gradients zeroed');
});

test('window.gradcanvas is read-only: changing a snapshot or the hook changes nothing', async ({ editor, page }) => {
  await editor.open();
  const outcome = await page.evaluate(() => {
    const snap = window.gradcanvas!.snapshot();
    snap.nodes.x.value[0] = 12345;
    snap.document.nodes.length = 0;
    snap.selection.push('x');
    const before = window.gradcanvas;
    try {
      (window as { gradcanvas?: unknown }).gradcanvas = { snapshot: () => null };
    } catch {
      // Non-writable: strict-mode assignment throws, sloppy-mode assignment is ignored.
    }
    let added = true;
    try {
      (before as unknown as Record<string, unknown>).open = () => 0;
    } catch {
      added = false;
    }
    const after = window.gradcanvas!.snapshot();
    return { same: window.gradcanvas === before, frozen: Object.isFrozen(before), added: added && 'open' in before!, x0: after.nodes.x.value[0], nodes: after.document.nodes.length, selection: after.selection };
  });
  expect(outcome).toEqual({ same: true, frozen: true, added: false, x0: -2, nodes: 5, selection: [] });
});

test('keyboard only: Tab reaches the header buttons, Enter and Space press them, focus is visible', async ({ editor, page }) => {
  await editor.open();
  // The first Tab lands on the skip link, which jumps to the canvas.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the canvas' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  expect(new URL(page.url()).hash).toBe('');
  // From the skip link, Tab walks the header in order.
  await page.getByRole('link', { name: 'Skip to the canvas' }).focus();

  const backward = editor.control('toolbar.backward');
  for (let i = 0; i < 15 && !(await backward.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(backward).toBeFocused();
  const outline = await backward.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, 'a visible focus ring').not.toBe('none');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await editor.snapshot()).backwardCount).toBe(1);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await editor.snapshot()).backwardCount).toBe(2);
  await editor.screenshot('03-keyboard-focus-backward');

  // Every button and field in the header has an accessible name.
  const unnamed = await page.locator('header button, header select, header input').evaluateAll((els) =>
    els.filter((el) => !(el.getAttribute('aria-label') || el.textContent?.trim() || el.getAttribute('title'))).map((el) => el.outerHTML),
  );
  expect(unnamed).toEqual([]);
});

test('unreadable autosaved work is reported, kept in Recent exactly as stored, and the example opens', async ({ editor, page }) => {
  await page.addInitScript(() => {
    // Once only: the reload below must see what the app left in storage.
    if (sessionStorage.getItem('seeded') === null) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('gradcanvas.autosave.v1', '{"file": "{not json');
    }
  });
  await editor.open();
  await expect(editor.notice).toContainText('could not be opened; it is kept in Recent, marked damaged');
  await expect(editor.notice).toContainText('The example is open instead.');
  expect((await editor.document()).name).toBe('Composite function y = 2x² + 2');
  const stored = () =>
    page.evaluate(() => {
      const entries = (JSON.parse(localStorage.getItem('gradcanvas.recent.v2') ?? '{"entries": []}') as { entries: { id: string; damaged?: boolean }[] }).entries;
      return entries.filter((e) => e.damaged).map((e) => localStorage.getItem(`gradcanvas.recent.v2.doc.${e.id}`));
    });
  expect(await stored()).toEqual(['{"file": "{not json']);
  expect(await page.evaluate(() => localStorage.getItem('gradcanvas.autosave.v1')), 'moved into Recent').toBeNull();
  await editor.select('x');
  await editor.waitForAutosave();
  await page.reload();
  await editor.ready();
  expect(await stored()).toEqual(['{"file": "{not json']);
});

test('the page boots even when a stored document cannot be opened, and the notice shows no raw JavaScript text', async ({ editor, page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded') === null) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('gradcanvas.autosave.v1', JSON.stringify({ file: JSON.stringify({ format: 'gradcanvas-graph', version: 1, nodes: 7 }) }));
    }
  });
  await editor.open();
  await expect(editor.notice).toBeVisible();
  await expect(editor.notice.getByTestId('notice.text')).not.toContainText(/TypeError|Cannot read|undefined/);
  await expect(editor.node('x')).toBeVisible();
});
