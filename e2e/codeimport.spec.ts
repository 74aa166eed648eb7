import type { Page } from '@playwright/test';
import { TorchGenerator } from '../engine/tensor/torchRandom';
import { expect, test } from './fixtures';

// The window a learner on a laptop opens GradCanvas in.
test.use({ viewport: { width: 1440, height: 900 } });

/** A classification step as the course writes it with torch.nn.functional. */
const SCRIPT = [
  'import torch',
  'import torch.nn.functional as F',
  'torch.manual_seed(0)',
  'x = torch.randn(4, 3, requires_grad=True)',
  'labels = torch.tensor([0, 2, 1, 1])',
  'loss = F.cross_entropy(x, labels)',
  'loss.backward()',
];

/** Types lines into the code panel's editor the way a person does: a click, then the keys. */
async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  await page.locator('.code-panel .cm-content').click();
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

test("code with F.cross_entropy, integer labels and a seeded torch.randn builds the graph with PyTorch's numbers; a reshape whose sizes do not fit is refused in either language, one that fits is a reshape node", async ({ editor, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  await editor.press('file.new');
  await editor.press('dock.tab.code');
  await typeLines(page, SCRIPT);
  await editor.press('code.run');
  await expect(page.getByTestId('code.report')).toHaveText('Ran 7 statements: 3 nodes.');
  const doc = await editor.document();
  expect(doc.nodes.map((n) => [n.id, n.op])).toEqual([
    ['x', 'input'],
    ['labels', 'input'],
    ['loss', 'cross_entropy'],
  ]);
  // torch.manual_seed(0); torch.randn(4, 3): PyTorch's own numbers.
  expect(doc.nodes[0].value).toEqual({ type: 'tensor', shape: [4, 3], data: Array.from(new TorchGenerator(0).randn(12, 'float32')) });
  await expect.poll(async () => (await editor.shownNumbers('x', 'grad'))?.length).toBe(12);
  await page.waitForTimeout(300);
  await editor.screenshot('codeimport-01-cross-entropy-en');

  const before = await editor.document();
  await page.locator('.code-panel .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('y = (x * 2.0).view(5, -1)');
  await editor.press('code.run');
  const error = page.getByTestId('code.error');
  await expect(error).toContainText('Line 8, column 5: The shape [5, -1] is invalid for a tensor of 12 numbers.');
  expect(await editor.document()).toEqual(before);
  await page.waitForTimeout(300);
  await editor.screenshot('codeimport-02-reshape-en');
  await editor.press('toolbar.lang');
  await expect(error).toContainText('8 行 5 列：形 [5, -1] は 12 個の数値のテンソルには合いません。');
  await page.waitForTimeout(300);
  await editor.screenshot('codeimport-03-reshape-ja');
  await editor.press('toolbar.lang');

  // The same line with sizes that fit: a mul and a reshape node named y, -1 kept as written.
  await page.locator('.code-panel .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('y = (x * 2.0).view(-1, 1)');
  await editor.press('code.run');
  await expect(page.getByTestId('code.report')).toHaveText('Ran 8 statements: 5 nodes.');
  const after = await editor.document();
  expect(after.nodes.slice(3).map((n) => [n.id, n.op, n.attrs ?? null])).toEqual([
    ['mul', 'mul', { c: 2 }],
    ['y', 'reshape', { shape: [-1, 1] }],
  ]);
  await expect(page.getByTestId('node.y.shape')).toHaveText('[12, 1]');
});
