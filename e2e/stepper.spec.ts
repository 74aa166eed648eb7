import { expect, test, XS } from './fixtures';
import { closeTo, current, edgeLabel, graphFile, importGraph, stepper } from './stepperHelpers';

test.use({ viewport: { width: 1600, height: 1000 } });

test('composite function: forward node by node in topological order, then gradients in reverse, with edges and the PyTorch line', async ({ editor, page }) => {
  await editor.open();
  const expected: Record<string, number[]> = {
    x: XS,
    square: XS.map((x) => x * x),
    scale: XS.map((x) => 2 * x * x),
    y: XS.map((x) => 2 * x * x + 2),
    z: [XS.reduce((a, x) => a + 2 * x * x + 2, 0)],
  };
  const order = ['x', 'square', 'scale', 'y', 'z'];
  for (const [k, id] of order.entries()) {
    await editor.press('step.step');
    const ev = await current(editor);
    expect(ev.type).toBe('forward');
    expect(ev.node).toBe(id);
    closeTo(ev.value!, expected[id]);
    // The node shows the value and is the current one.
    await expect(editor.node(id)).toHaveAttribute('data-current', 'true');
    closeTo(JSON.parse((await page.getByTestId(`node.${id}.step.value`).getAttribute('data-value'))!) as number[], expected[id]);
    await expect(page.getByTestId(`step.phase.${k < 4 ? 'predict' : 'loss'}`)).toHaveAttribute('aria-current', 'step');
    if (id === 'square') {
      const e = await edgeLabel(page, 'square', 'scale', 'x');
      expect(e.flow).toBe('forward');
      closeTo(e.value, expected.square);
      await page.waitForTimeout(300);
      await editor.screenshot('70-stepper-forward-edge');
    }
  }
  await expect(page.getByTestId('step.loss')).toHaveAttribute('data-value', String(expected.z[0]));
  // A function to differentiate is written as the course writes it: the loss line is lit.
  await expect(page.getByTestId('pytorch.line.current')).toContainText('z = y.sum()');

  // Backward: reverse topological order, each node's gradient and its edge's contribution.
  const grads: Record<string, number[]> = {
    z: [1],
    y: XS.map(() => 1),
    scale: XS.map(() => 1),
    square: XS.map(() => 2),
    x: XS.map((x) => 4 * x),
  };
  for (const id of [...order].reverse()) {
    await editor.press('step.step');
    const ev = await current(editor);
    expect(ev.type).toBe('backward');
    expect(ev.node).toBe(id);
    closeTo(ev.grad!, grads[id]);
    await expect(page.getByTestId('step.phase.backward')).toHaveAttribute('aria-current', 'step');
    for (const c of ev.contributions) {
      const e = await edgeLabel(page, id, c.target, c.port);
      expect(e.flow).toBe('backward');
      closeTo(e.value, c.grad);
    }
  }
  await expect(page.getByTestId('pytorch.line.current')).toHaveText(/^z\.backward\(\)$/);
  await expect(page.getByTestId('step.explain')).toContainText('x.grad[0] = 2·x[0]·square.grad[0] = 2·(−2)·2 = −8');
  await page.waitForTimeout(300);
  await editor.screenshot('71-stepper-backward-edge');

  // Back five events and forward again: the same states.
  const labelsNow = await page.locator('[data-flow]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-testid'), e.getAttribute('data-flow'), e.getAttribute('data-value')]));
  const before = await stepper(editor);
  for (let k = 0; k < 5; k++) await editor.press('step.back');
  expect((await stepper(editor)).cursor).toBe(before.cursor - 5);
  await expect(page.getByTestId('step.phase.loss')).toHaveAttribute('aria-current', 'step');
  const e = await edgeLabel(page, 'x', 'square', 'x');
  expect(e.flow).toBe('forward');
  for (let k = 0; k < 5; k++) await editor.press('step.step');
  const after = await stepper(editor);
  expect(after.cursor).toBe(before.cursor);
  expect(after.events).toEqual(before.events);
  expect(await page.locator('[data-flow]').evaluateAll((els) => els.map((el) => [el.getAttribute('data-testid'), el.getAttribute('data-flow'), el.getAttribute('data-value')]))).toEqual(labelsNow);
  // Stepping runs on the session's one program: at the end of backward x.grad is filled, as in PyTorch.
  expect((await editor.snapshot()).nodes.x.grad).toEqual(XS.map((x) => 4 * x));
  expect(await editor.shownNumbers('x', 'grad')).toEqual(XS.map((x) => 4 * x));
});

test('a value used three times: each edge shows its own contribution and the node their sum; update is before − lr·grad', async ({ editor, page }) => {
  await editor.open();
  const file = graphFile(
    'Reused parameter',
    [
      { id: 'p', op: 'parameter', position: { x: 0, y: 100 }, shape: [2], init: { type: 'constant', value: 0 }, params: { value: { shape: [2], data: [1, -2] } } },
      { id: 'm', op: 'mul', position: { x: 260, y: 0 } },
      { id: 'a', op: 'add', position: { x: 520, y: 100 } },
      { id: 's', op: 'sum', position: { x: 780, y: 100 } },
    ],
    [
      { source: 'p', target: 'm', targetPort: 'a' },
      { source: 'p', target: 'm', targetPort: 'b' },
      { source: 'm', target: 'a', targetPort: 'a' },
      { source: 'p', target: 'a', targetPort: 'b' },
      { source: 'a', target: 's', targetPort: 'x' },
    ],
    's',
  );
  await importGraph(editor, file, 'reused.json');
  await editor.press('step.phase'); // predict
  await editor.press('step.phase'); // loss
  await expect(page.getByTestId('step.phase.loss')).toHaveAttribute('aria-current', 'step');
  await editor.press('step.phase'); // backward
  const s = await stepper(editor);
  const ev = s.events[s.cursor];
  expect(ev.node).toBe('p');
  expect(ev.contributions).toHaveLength(3);
  const sum = [0, 1].map((i) => ev.contributions.reduce((a, c) => a + c.grad[i], 0));
  closeTo(ev.grad!, sum);
  closeTo(ev.grad!, [3, -3]); // d(p² + p)/dp = 2p + 1
  let shown = [0, 0];
  for (const c of ev.contributions) {
    const e = await edgeLabel(page, 'p', c.target, c.port);
    expect(e.flow).toBe('backward');
    closeTo(e.value, c.grad);
    shown = shown.map((v, i) => v + e.value[i]);
  }
  closeTo(shown, [3, -3]);
  await expect(page.getByTestId('node.p.step.grad')).toHaveAttribute('data-parts', '3');
  await expect(page.getByTestId('step.explain')).toContainText('= 3');

  await editor.press('step.phase'); // update
  const u = await current(editor);
  expect(u.type).toBe('update');
  closeTo(u.after!, u.before!.map((b, i) => b - 0.1 * u.grad![i]));
  await expect(page.getByTestId('step.phase.update')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('node.p.update.value')).toContainText('−lr·grad');
  await expect(page.getByTestId('step.epoch')).toHaveAttribute('data-epoch', '1');
  // The next step trains from the updated copy.
  await editor.press('step.step');
  const next = await current(editor);
  expect(next.node).toBe('p');
  closeTo(next.value!, u.after!);
  await expect(page.getByTestId('step.epoch')).toHaveAttribute('data-epoch', '2');
});

test('linear regression: every parameter updates as after = before − lr·grad; PyTorch line and grad_fn labels', async ({ editor, page }) => {
  await editor.open();
  await editor.openExample('linear-regression-module');
  await expect.poll(async () => (await editor.document()).name).toBe('Linear regression with nn.Linear');
  await editor.press('step.phase');
  // The last predict event is the linear node: its own line in forward().
  await expect(page.getByTestId('pytorch.line.current')).toContainText('linear = self.linear(X)');
  await editor.press('step.phase');
  await expect(page.getByTestId('pytorch.line.current')).toContainText('loss = criterion(outputs');
  const loss = await current(editor);
  expect(loss.node).toBe('loss');
  await editor.press('step.phase');
  await expect(page.getByTestId('pytorch.line.current')).toContainText('loss.backward()');
  await editor.press('step.phase');
  await expect(page.getByTestId('pytorch.line.current')).toContainText('optimizer.step()');
  const s = await stepper(editor);
  const updates = s.events.filter((e) => e.type === 'update');
  expect(updates.map((e) => `${e.node}.${e.param}`)).toEqual(['linear.weight', 'linear.bias']);
  for (const u of updates) closeTo(u.after!, u.before!.map((b, i) => b - s.lr * u.grad![i]));
  expect(s.lr).toBe(0.001);
  await expect(page.getByTestId('node.linear.update.weight')).toContainText('→');
  await expect(page.getByTestId('node.linear.update.bias')).toContainText('−lr·grad');

  await page.getByTestId('step.gradFnLabels').check();
  await expect(page.getByTestId('node.linear.gradFn')).toContainText('AddmmBackward0');
  await expect(page.getByTestId('node.loss.gradFn')).toHaveText('MseLossBackward0');
  await expect(page.getByTestId('node.height.gradFn')).toHaveCount(0);
  await page.waitForTimeout(200);
  await editor.screenshot('72-stepper-update-state');
});

test('zero grad off: the leaf gradient grows every training step, with the note saying why', async ({ editor, page }) => {
  await editor.open();
  await page.getByTestId('step.zeroGrad').uncheck();
  await editor.press('step.training');
  await expect(page.getByTestId('step.accumulationNote')).toHaveCount(0);
  await editor.press('step.training');
  await editor.press('step.training');
  const s = await stepper(editor);
  const x = s.events.find((e) => e.type === 'backward' && e.node === 'x')!;
  closeTo(x.grad!, XS.map((v) => 3 * 4 * v));
  await expect(page.getByTestId('step.accumulationNote')).toContainText('3 backward passes');
  await page.getByTestId('step.zeroGrad').check();
  await editor.press('step.training');
  const again = (await stepper(editor)).events.find((e) => e.type === 'backward' && e.node === 'x')!;
  closeTo(again.grad!, XS.map((v) => 4 * v));
  await expect(page.getByTestId('step.accumulationNote')).toHaveCount(0);
});

test('keyboard: → steps, Shift+→ finishes the phase, ← steps back, Space plays and pauses', async ({ editor, page }) => {
  await editor.open();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  expect((await stepper(editor)).cursor).toBe(0);
  await page.keyboard.press('Shift+ArrowRight');
  expect((await current(editor)).node).toBe('y');
  await page.keyboard.press('ArrowLeft');
  expect((await current(editor)).node).toBe('scale');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('step.play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('step.play')).toHaveAttribute('aria-pressed', 'false');
  // Not while typing: the palette search takes the arrows.
  const cursor = (await stepper(editor)).cursor;
  await page.getByRole('searchbox').first().focus().catch(() => undefined);
  if (await page.getByRole('searchbox').count()) {
    await page.keyboard.press('ArrowRight');
    expect((await stepper(editor)).cursor).toBe(cursor);
  }
  await editor.press('step.reset');
  expect((await stepper(editor)).epoch).toBe(0);
});

test('with reduced motion the pulse is not drawn and the edge is lit at once', async ({ editor, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await editor.open();
  await editor.press('step.step');
  await expect(page.locator('.stepedge--active')).toHaveCount(1);
  await expect(page.locator('.stepedge__pulse')).toHaveCount(1);
  await expect(page.locator('.stepedge__pulse')).toBeHidden();
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(page.locator('.stepedge__pulse')).not.toBeHidden();
});

test('the step bar controls have accessible names', async ({ editor, page }) => {
  await editor.open();
  for (const [id, name] of [
    ['step.step', 'Step'],
    ['step.phase', 'Step phase'],
    ['step.training', 'Step training step'],
    ['step.play', 'Play'],
    ['step.back', 'Back'],
    ['step.reset', 'Reset'],
  ]) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('data-testid', id);
  }
  await expect(page.getByRole('slider', { name: /Speed/ })).toHaveAttribute('data-testid', 'step.speed');
  await expect(page.getByRole('checkbox', { name: 'Zero grad', exact: true })).toHaveAttribute('data-testid', 'step.zeroGrad');
});
