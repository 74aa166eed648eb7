import { expect, test } from './fixtures';

test('keyboard only: add nodes from the palette with Enter, wire them in the inspector, refuse a cycle, run Backward', async ({ editor, page }) => {
  await editor.open();
  await editor.control('file.new').focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await editor.document()).nodes.length).toBe(0);

  // Enter on a palette item adds the node at the centre and selects it.
  for (const op of ['input', 'square', 'sum']) {
    await editor.control(`palette.${op}`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await editor.snapshot()).selection).toEqual([op]);
    if (op === 'input') {
      await editor.control('inspector.requiresGrad').focus();
      await page.keyboard.press('Space');
    }
    if (op !== 'input') {
      // Wire the new node's input from the node added before it, with the keyboard on the select.
      const source = op === 'square' ? 'input' : 'square';
      await editor.control('inspector.input.x').focus();
      await editor.control('inspector.input.x').selectOption(source);
      await expect.poll(async () => (await editor.document()).edges).toContainEqual({ source, target: op, targetPort: 'x' });
    }
  }

  // Feeding square from sum would close a cycle: refused, with the reason, and nothing changes.
  await editor.node('square').focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await editor.snapshot()).selection).toEqual(['square']);
  const before = await editor.document();
  await editor.control('inspector.input.x').selectOption('sum');
  await expect(page.getByRole('alert')).toContainText('cycle');
  expect(await editor.document()).toEqual(before);

  await editor.control('toolbar.backward').focus();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await editor.snapshot()).nodes.input?.grad).toEqual([0]);
});
