import type { Page } from '@playwright/test';
import { expect, test, XS } from './fixtures';
import type { Editor } from './pages/Editor';

// The window a learner on a laptop opens GradCanvas in.
test.use({ viewport: { width: 1440, height: 900 } });

/** The course's composite function, as the learner types it. */
const COURSE = ['import torch', 'x = torch.arange(-2.0, 2.1, 0.25, requires_grad=True)', 'y = 2 * x**2 + 2', 'z = y.sum()', 'z.backward()', 'print(x.grad)'];

/** Types lines into the code panel's editor the way a person does: a click, then the keys. */
async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  await page.locator('.code-panel .cm-content').click();
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

/** The ids of the nodes on the canvas, in document order. */
async function nodeIds(editor: Editor): Promise<string[]> {
  return (await editor.document()).nodes.map((n) => n.id);
}

test('type the composite function into the code panel, run it a statement at a time: x → square → scale → add → sum appear, backward gives x.grad = 4x; a typo is marked at its line and changes nothing', async ({ editor, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  await editor.press('file.new');
  await expect.poll(() => nodeIds(editor)).toEqual([]);
  await editor.press('dock.tab.code');
  await expect(page.locator('.code-panel .cm-content')).toBeVisible();

  await test.step('type the six lines', async () => {
    await typeLines(page, COURSE);
    await expect(page.locator('.code-panel .cm-line')).toHaveText(COURSE);
  });

  const report = page.getByTestId('code.report');
  const lit = page.locator('.code-panel .code-panel__current');
  await test.step('Run one statement: each statement adds its nodes to the canvas, and its line is lit', async () => {
    await editor.press('code.step');
    await expect(report).toHaveText('Line 1 ran: no new nodes');
    await expect(lit).toHaveText('import torch');
    expect(await nodeIds(editor)).toEqual([]);

    await editor.press('code.step');
    await expect(report).toHaveText('Line 2 ran: added x');
    await expect(editor.node('x')).toBeVisible();
    await expect(lit).toHaveText(COURSE[1]);

    await editor.press('code.step');
    await expect(report).toHaveText('Line 3 ran: added square, scale, y');
    for (const id of ['square', 'scale', 'y']) await expect(editor.node(id)).toBeVisible();
    await expect(lit).toHaveText(COURSE[2]);
    // The new nodes are selected on the canvas.
    await expect.poll(async () => (await editor.snapshot()).selection).toEqual(['square', 'scale', 'y']);

    await editor.press('code.step');
    await expect(report).toHaveText('Line 4 ran: added z');
    await expect(editor.node('z')).toBeVisible();
    // The canvas frames the whole graph the code built: every node lies inside the canvas pane.
    await expect
      .poll(async () => {
        const pane = (await page.locator('.pane-canvas__flow').boundingBox())!;
        const outside: string[] = [];
        for (const id of ['x', 'square', 'scale', 'y', 'z']) {
          const b = (await editor.node(id).boundingBox())!;
          if (b.x < pane.x || b.y < pane.y || b.x + b.width > pane.x + pane.width || b.y + b.height > pane.y + pane.height) outside.push(id);
        }
        return outside;
      })
      .toEqual([]);
    expect(await nodeIds(editor)).toEqual(['x', 'square', 'scale', 'y', 'z']);
    const doc = await editor.document();
    expect(doc.edges.map((e) => `${e.source}->${e.target}.${e.targetPort}`)).toEqual(['x->square.x', 'square->scale.x', 'scale->y.a', 'y->z.x']);
    expect(doc.nodes.find((n) => n.id === 'scale')?.attrs).toEqual({ k: 2 });
    expect(doc.nodes.find((n) => n.id === 'y')?.attrs).toEqual({ c: 2 });
    await expect.poll(() => editor.shownNumbers('z', 'value')).toEqual([85]);
    // No backward yet: x has no gradient.
    expect(await editor.shownNumbers('x', 'grad')).toBeNull();
    await page.waitForTimeout(300);
    await editor.screenshot('codepanel-01-stepped-sum');
  });

  await test.step('the backward statement fills x.grad = 4x on the x node', async () => {
    await editor.press('code.step');
    await expect(report).toHaveText('Line 5 ran: no new nodes; z.backward() filled .grad');
    await expect.poll(() => editor.shownNumbers('x', 'grad')).toEqual(XS.map((v) => 4 * v));
    await editor.press('code.step');
    await expect(report).toHaveText('Line 6 ran: no new nodes');
    await editor.press('code.step');
    await expect(report).toContainText('Every statement has run');
    await page.waitForTimeout(300);
    await editor.screenshot('codepanel-02-backward-x-grad-4x');
  });

  await test.step('each statement that changed the graph was one undoable edit', async () => {
    // print(...) changed nothing; undo takes back z.backward()'s mark of z as the value to differentiate, then line 4.
    expect((await editor.document()).loss).toBe('z');
    await editor.press('toolbar.undo');
    await expect.poll(async () => (await editor.document()).loss).toBeNull();
    expect(await nodeIds(editor)).toEqual(['x', 'square', 'scale', 'y', 'z']);
    await editor.press('toolbar.undo');
    await expect.poll(() => nodeIds(editor)).toEqual(['x', 'square', 'scale', 'y']);
    await editor.press('toolbar.redo');
    await expect.poll(() => nodeIds(editor)).toEqual(['x', 'square', 'scale', 'y', 'z']);
  });

  await test.step('Ctrl+Enter runs the whole code as one edit, backward included', async () => {
    await page.locator('.code-panel .cm-content').click();
    await page.keyboard.press('Control+Enter');
    await expect(report).toHaveText('Ran 6 statements: 5 nodes.');
    await expect.poll(() => editor.shownNumbers('x', 'grad')).toEqual(XS.map((v) => 4 * v));
  });

  await test.step('a typo: the message names its line, the editor marks it, and the graph stays as it was', async () => {
    const before = await editor.document();
    await page.locator('.code-panel .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('w = torch.sigmiod(z)');
    await editor.press('code.run');
    const error = page.getByTestId('code.error');
    await expect(error).toContainText('Line 7, column 5: torch.sigmiod(...) is not supported. Supported: torch.tensor');
    await expect(error).toContainText('The graph is unchanged.');
    await expect(page.locator('.code-panel .cm-lintRange-error')).toHaveText('torch.sigmiod');
    expect(await editor.document()).toEqual(before);
    // Stepping meets the same error when it reaches the line, and changes nothing either.
    for (let k = 0; k < 6; k++) await editor.press('code.step');
    await expect(report).toHaveText('Line 6 ran: no new nodes');
    await editor.press('code.step');
    await expect(error).toContainText('Line 7, column 5');
    expect((await editor.document()).nodes.map((n) => n.id)).toEqual(before.nodes.map((n) => n.id));
    await page.waitForTimeout(300);
    await editor.screenshot('codepanel-03-typo-en');
    await editor.press('toolbar.lang');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(error).toContainText('7 行 5 列：「torch.sigmiod(...)」には対応していません。');
    await page.waitForTimeout(300);
    await editor.screenshot('codepanel-04-typo-ja');
  });

  await test.step('a syntax error is marked at its line too', async () => {
    await editor.press('toolbar.lang');
    await page.locator('.code-panel .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('w = z +* 2');
    await editor.press('code.run');
    await expect(page.getByTestId('code.error')).toContainText('Line 7, column 8: Python cannot read this');
  });
});

test('a training graph shows its course-style training script; a changed learning rate, run, is the graph\'s new optimizer setting', async ({ editor, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  await editor.openExample('linear-regression-module');
  await editor.press('dock.tab.code');
  const content = page.locator('.code-panel .cm-content');
  await expect(content).toContainText('class Net(nn.Module):');
  // It trains on a GPU machine unchanged: the device is picked once (the model goes to it further down).
  await expect(content).toContainText('device = torch.device("cuda" if torch.cuda.is_available() else "cpu")');
  await expect(content).toHaveAttribute('contenteditable', 'true');
  await expect(page.getByTestId('code.readOnly')).toHaveCount(0);
  await page.waitForTimeout(300);
  await editor.screenshot('codepanel-05-training-script-en');

  await test.step('edit lr=0.001 to lr=0.002 at the end of the optimizer line and run', async () => {
    // Scroll the editor with the wheel until the optimizer line and the loop are in view.
    const optimizerLine = page.locator('.code-panel .cm-line', { hasText: 'optimizer = optim.SGD(' });
    await content.hover();
    for (let i = 0; i < 30 && !(await optimizerLine.isVisible()); i++) await page.mouse.wheel(0, 120);
    await expect(content).toContainText('for epoch in range(500):');
    await optimizerLine.click();
    await page.keyboard.press('End');
    for (let i = 0; i < '0.001)'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('0.002)');
    await editor.press('code.run');
    await expect(page.getByTestId('code.report')).toContainText('Ran');
    await expect.poll(async () => (await editor.document()).training.optimizer.lr).toBe(0.002);
    const doc = await editor.document();
    expect(doc.training.epochs).toBe(500);
    expect(doc.nodes.map((n) => n.op).sort()).toEqual(['input', 'input', 'linear', 'mean', 'mean', 'mse', 'sub', 'sub']);
    expect(Object.keys(doc.datasets)).toEqual(['people']);
    // The graph keeps its name: the code changed its setting, not which graph it is.
    expect(doc.name).toBe('Linear regression with nn.Linear');
  });

  await test.step('in Japanese', async () => {
    await editor.press('toolbar.lang');
    await page.waitForTimeout(300);
    await editor.screenshot('codepanel-06-training-script-ja');
  });

  await test.step('a device GradCanvas does not know, .to("mps"), is refused at its place with what .to takes, and the graph stays', async () => {
    const netLine = page.locator('.code-panel .cm-line', { hasText: 'net = Net().to(device)' });
    await content.hover();
    for (let i = 0; i < 30 && !(await netLine.isVisible()); i++) await page.mouse.wheel(0, -120);
    await netLine.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'device)'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('"mps")');
    await editor.press('code.run');
    const error = page.getByTestId('code.error');
    await expect(error).toContainText('「"mps"」が渡されました');
    await expect(error).toContainText('GradCanvas は CPU で計算します');
    await page.waitForTimeout(300);
    await editor.screenshot('codepanel-07-device-refused-ja');
    await editor.press('toolbar.lang');
    await expect(error).toContainText('Net().to(...) takes a number type (torch.float32, torch.float64, torch.int64 or x.dtype) or a device');
    await page.waitForTimeout(300);
    await editor.screenshot('codepanel-08-device-refused-en');
    const doc = await editor.document();
    expect(doc.training.optimizer.lr).toBe(0.002);
    expect(doc.nodes.map((n) => n.op).sort()).toEqual(['input', 'input', 'linear', 'mean', 'mean', 'mse', 'sub', 'sub']);
  });
});

/** The class list of a node's box on the canvas. */
function nodeBox(editor: Editor, id: string) {
  return editor.node(id).locator('.opnode');
}

/** Whether each of these nodes is lit by the statement under the pointer. */
async function linkedNodes(editor: Editor, ids: readonly string[]): Promise<string[]> {
  const lit: string[] = [];
  for (const id of ids) if (/\bopnode--linked\b/.test((await nodeBox(editor, id).getAttribute('class')) ?? '')) lit.push(id);
  return lit;
}

test('the code and the canvas light each other up: a statement under the pointer lights its nodes, a node under the pointer lights its statement; new nodes fade in', async ({ editor, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  await editor.press('file.new');
  await expect.poll(() => nodeIds(editor)).toEqual([]);
  await editor.press('dock.tab.code');
  await typeLines(page, COURSE);
  const lines = page.locator('.code-panel .cm-line');
  const linkedLine = page.locator('.code-panel .code-panel__linked');
  const all = ['x', 'square', 'scale', 'y', 'z'];

  await test.step('each step draws the nodes it added entering, and the wires into them draw in', async () => {
    await editor.press('code.step');
    await editor.press('code.step');
    await expect(nodeBox(editor, 'x')).toHaveClass(/opnode--entering/);
    await editor.press('code.step');
    await expect(page.getByTestId('code.report')).toHaveText('Line 3 ran: added square, scale, y');
    for (const id of ['square', 'scale', 'y']) await expect(nodeBox(editor, id)).toHaveClass(/opnode--entering/);
    // x was there before this statement: it does not enter again.
    await expect(nodeBox(editor, 'x')).not.toHaveClass(/opnode--entering/);
    await expect(page.getByTestId('edge.x->square.x').locator('.react-flow__edge-path')).toHaveClass(/stepedge--entering/);
    await expect(page.getByTestId('edge.x->square.x').locator('.react-flow__edge-path')).toHaveAttribute('pathLength', '1');
    // The entrance is an animation, and none for a learner who asks the system for less motion.
    const animation = () => nodeBox(editor, 'square').evaluate((el) => getComputedStyle(el).animationName);
    expect(await animation()).toBe('opnode-enter');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });

  await test.step('Run builds the whole graph; the pointer on line 3 lights square, scale and y, not x', async () => {
    await editor.press('code.run');
    await expect(page.getByTestId('code.report')).toHaveText('Ran 6 statements: 5 nodes.');
    await lines.nth(2).hover();
    await expect(linkedLine).toHaveText(COURSE[2]);
    await expect.poll(() => linkedNodes(editor, all)).toEqual(['square', 'scale', 'y']);
    await page.waitForTimeout(300);
    await editor.screenshot('codeview-01-line-lights-nodes-en');
    // Off the code, nothing is lit.
    await page.getByTestId('code.report').hover();
    await expect.poll(() => linkedNodes(editor, all)).toEqual([]);
    await expect(linkedLine).toHaveCount(0);
  });

  await test.step('the pointer on node z lights line 4 in the editor, without taking the focus', async () => {
    await editor.node('z').hover();
    await expect(linkedLine).toHaveText(COURSE[3]);
    await expect(page.locator('.code-panel .cm-content')).not.toBeFocused();
    await page.waitForTimeout(300);
    await editor.screenshot('codeview-02-node-lights-line-en');
    await page.mouse.move(700, 10);
    await expect(linkedLine).toHaveCount(0);
  });

  await test.step('in Japanese the same', async () => {
    await editor.press('toolbar.lang');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await lines.nth(2).hover();
    await expect.poll(() => linkedNodes(editor, all)).toEqual(['square', 'scale', 'y']);
    await page.waitForTimeout(300);
    await editor.screenshot('codeview-03-line-lights-nodes-ja');
    await editor.node('z').hover();
    await expect(linkedLine).toHaveText(COURSE[3]);
    await page.waitForTimeout(300);
    await editor.screenshot('codeview-04-node-lights-line-ja');
    await editor.press('toolbar.lang');
  });

  await test.step('after y is deleted on the canvas, line 3 lights only the nodes still in the graph', async () => {
    // The step left square, scale and y selected: x first, so y is selected alone.
    await editor.select('x');
    await editor.select('y');
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeIds(editor)).toEqual(['x', 'square', 'scale', 'z']);
    // The learner's code stays in the editor; its links stay with it.
    await expect(lines.nth(2)).toHaveText(COURSE[2]);
    await lines.nth(2).hover();
    await expect(linkedLine).toHaveText(COURSE[2]);
    await expect.poll(() => linkedNodes(editor, ['x', 'square', 'scale', 'z'])).toEqual(['square', 'scale']);
  });
});

test("a graph's own code links its lines and nodes too: the course script of an example, and a training graph's course-style script", async ({ editor, page }) => {
  test.setTimeout(90_000);
  await editor.open();
  await editor.openExample('composite-function');
  await editor.press('dock.tab.code');
  const lines = page.locator('.code-panel .cm-line');
  const linkedLine = page.locator('.code-panel .code-panel__linked');
  await expect(page.locator('.code-panel .cm-content')).toContainText('square = x**2');

  await lines.filter({ hasText: /^square = x\*\*2/ }).hover();
  await expect.poll(() => linkedNodes(editor, ['x', 'square', 'scale', 'y', 'z'])).toEqual(['square']);
  await editor.node('z').hover();
  await expect(linkedLine).toHaveText(/^z = y\.sum\(\)/);
  // No node was added by code: none enters.
  await expect(page.locator('.opnode--entering')).toHaveCount(0);

  await editor.openExample('linear-regression-module');
  await expect(page.locator('.code-panel .cm-content')).toContainText('class Net(nn.Module):');
  // The model's line and the loss's are far down the script: the editor scrolls each into view.
  await editor.node('linear').hover();
  await expect(linkedLine).toHaveText(/linear = self\.linear\(X\)/);
  await expect(linkedLine).toBeInViewport();
  await lines.filter({ hasText: /linear = self\.linear\(X\)/ }).hover();
  await expect.poll(() => linkedNodes(editor, ['X', 'linear', 'loss'])).toEqual(['linear']);
  await editor.node('loss').hover();
  await expect(linkedLine).toHaveText(/loss = criterion\(linear, Y\)/);
  await expect(linkedLine).toBeInViewport();
  await expect(page.locator('.code-panel .cm-content')).not.toBeFocused();
  // The pointer left the model's line: its node is no longer lit.
  await expect.poll(() => linkedNodes(editor, ['X', 'linear', 'loss'])).toEqual([]);
  await page.waitForTimeout(300);
  await editor.screenshot('codeview-05-training-node-lights-line-en');
});
