import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Editor } from './pages/Editor';
import { graphFile, hoverWire, importGraph, stepper } from './stepperHelpers';

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

interface ScreenBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

function apart(a: ScreenBox, b: ScreenBox): boolean {
  return a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
}

/** On screen: every node's box, every wire label a person can see (with its test id and whether it is the current wire's), the minimap's and the zoom buttons'. */
async function screenBoxes(page: Page) {
  return page.evaluate(() => {
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const labels = [...document.querySelectorAll<HTMLElement>('.stepedge__label')]
      .filter((e) => getComputedStyle(e).visibility !== 'hidden' && e.getBoundingClientRect().width > 0)
      .map((e) => ({ id: e.dataset.testid ?? '', active: e.dataset.active === 'true', ...box(e) }));
    const map = document.querySelector('.react-flow__minimap');
    const controls = document.querySelector('.react-flow__controls');
    return { nodes: [...document.querySelectorAll('.react-flow__node')].map(box), labels, minimap: map ? box(map) : null, controls: controls ? box(controls) : null };
  });
}

/** Asserts that no visible wire label, neither the minimap nor the zoom buttons, covers any node; returns the visible labels. */
async function expectNothingCovered(page: Page, state: string) {
  const { nodes, labels, minimap, controls } = await screenBoxes(page);
  expect(nodes.length, `${state}: nodes on the canvas`).toBeGreaterThan(0);
  for (const n of nodes) {
    for (const l of labels) expect(apart(l, n), `${state}: the label ${l.id} at ${JSON.stringify(l)} covers a node at ${JSON.stringify(n)}`).toBe(true);
    if (minimap) expect(apart(minimap, n), `${state}: the minimap at ${JSON.stringify(minimap)} covers a node at ${JSON.stringify(n)}`).toBe(true);
    if (controls) expect(apart(controls, n), `${state}: the zoom buttons at ${JSON.stringify(controls)} cover a node at ${JSON.stringify(n)}`).toBe(true);
  }
  return labels;
}

/** Steps until the stepper's current event is `type` on `node`. */
async function stepTo(editor: Editor, type: string, node: string) {
  for (let k = 0; k < 12; k++) {
    await editor.press('step.step');
    const s = await stepper(editor);
    const ev = s.events[s.cursor];
    if (ev.type === type && ev.node === node) return;
  }
  throw new Error(`no ${type} event on ${node}`);
}

for (const lang of ['en', 'ja'] as const) {
  test(`${lang}: wire labels and the minimap cover no node of the composite function, opened, after Backward twice, mid-forward and mid-backward, nor at the update`, async ({ editor, page }) => {
    await editor.open();
    if (lang === 'ja') {
      await editor.press('toolbar.lang');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    }
    const shot = (n: number, name: string) => editor.screenshot(`${n}-readable-${name}${lang === 'ja' ? '-ja' : ''}`);
    const zoomAtOpen = await zoom(editor);
    await expectNothingCovered(page, 'opened');
    await shot(84, 'opened');

    // The dock open on the plots: the canvas is shorter, and the minimap still covers nothing.
    await page.getByTestId('dock.tab.plots').click();
    await expectNothingCovered(page, 'plots dock open');
    await page.getByTestId('dock.tab.step').click();

    await editor.press('toolbar.backward');
    await editor.press('toolbar.backward');
    await expect(page.getByTestId('node.x.grad.max')).toHaveText('16');
    await expectNothingCovered(page, 'after Backward twice');
    await shot(85, 'backward-twice');

    // Mid-forward: square has just computed; its outgoing wire is the current one, and its label is
    // shown (large) where it covers no node, though the wires here are only 24 px long.
    await stepTo(editor, 'forward', 'square');
    await page.waitForTimeout(700); // the pulse has run
    expect(await zoom(editor)).toBe(zoomAtOpen);
    let labels = await expectNothingCovered(page, 'mid-forward');
    expect(labels.filter((l) => l.active).map((l) => l.id)).toEqual(['edge.square.scale.x']);
    const current = page.getByTestId('edge.square.scale.x');
    const earlier = page.getByTestId('edge.x.square.x');
    const px = (l: typeof current) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(await px(current)).toBeGreaterThan(await px(earlier));
    await shot(86, 'mid-forward');
    // A label that had no free place shows while its wire is hovered.
    await expect(earlier).toBeHidden();
    await hoverWire(page, 'x', 'square', 'x');
    await expect(earlier).toBeVisible();
    await page.mouse.move(5, 500);
    await expect(earlier).toBeHidden();

    // Mid-backward: scale's gradient flows back along scale → y.
    await stepTo(editor, 'backward', 'scale');
    await page.waitForTimeout(700);
    labels = await expectNothingCovered(page, 'mid-backward');
    expect(labels.filter((l) => l.active).map((l) => l.id)).toEqual(['edge.scale.y.a']);
    await expect(page.getByTestId('edge.scale.y.a')).toHaveAttribute('data-flow', 'backward');
    await shot(87, 'mid-backward');

    // The update: the composite function has no parameters, so the nn.Linear example shows it.
    await editor.openExample('linear-regression-module');
    await expect(editor.node('loss')).toBeVisible();
    for (let k = 0; k < 4; k++) await editor.press('step.phase');
    await expect(page.getByTestId('step.phase.update')).toHaveAttribute('aria-current', 'step');
    await page.waitForTimeout(700);
    await expectNothingCovered(page, 'the update');
    await shot(88, 'update');
  });
}

/** Where Backward (in the header), Train (in the side panel, below the header) and the canvas are on screen. */
async function anchors(page: Page) {
  const box = async (id: string) => (await page.getByTestId(id).boundingBox())!;
  return { backward: await box('toolbar.backward'), train: await box('train.start'), canvas: await box('canvas') };
}

test('the toolbar and the panels stay put with a 120-character title, a notice and a warning', async ({ editor, page }) => {
  await editor.open();
  await page.getByTestId('side.tab.train').click();
  const doc = await editor.document();
  await importGraph(editor, { ...doc, name: 'Short' }, 'short.json');
  const before = await anchors(page);

  const long = `A graph with a very long title that a learner typed in full, to see whether the header moves when it grows ${'x'.repeat(120)}`.slice(0, 120);
  expect(long).toHaveLength(120);
  await importGraph(editor, { ...doc, name: long }, 'long.json');
  await expect(page.getByTestId('doc.name')).toHaveAttribute('title', long);
  expect(await anchors(page)).toEqual(before);

  // A notice floats over the canvas: the header keeps its height and nothing below it moves.
  await editor.importFile({ name: 'broken.json', buffer: Buffer.from('{ not json') });
  await expect(editor.notice).toBeVisible();
  expect(await anchors(page)).toEqual(before);
  await editor.screenshot('89-readable-long-title-notice');

  // A warning beside the run buttons (no scalar to start Backward from) keeps to its two lines:
  // the header and the canvas stay put (the training panel below says more, so Train moves there).
  await page.getByTestId('notice.close').click();
  const noScalar = { ...doc, name: `${long.slice(0, 119)}!`, loss: null, nodes: doc.nodes.filter((n) => n.id !== 'z'), edges: doc.edges.filter((e) => e.target !== 'z') };
  await importGraph(editor, noScalar, 'no-scalar.json');
  await expect(page.getByTestId('toolbar.runHint')).toHaveClass(/warn/);
  const warned = await anchors(page);
  expect({ backward: warned.backward, canvas: warned.canvas }).toEqual({ backward: before.backward, canvas: before.canvas });
  await editor.press('toolbar.lang');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const ja = await anchors(page);
  expect(ja.canvas).toEqual(before.canvas);
  expect(ja.backward.y).toBe(before.backward.y);
  await editor.screenshot('90-readable-long-title-warning-ja');
});

test('no node covers another in any shipped example, opened or after Backward', async ({ editor, page }) => {
  await editor.open();
  // The composite function is open already; it comes last, so each example changes the graph.
  const examples = ['sigmoid-function', 'linear-regression-by-hand', 'linear-regression-module', 'binary-classification', 'multiclass-classification', 'composite-function'];
  const ids = async () => (await editor.document()).nodes.map((n) => n.id).join(',');
  for (const name of examples) {
    const before = await ids();
    await editor.openExample(name);
    await expect.poll(ids).not.toBe(before);
    for (const state of ['opened', 'after Backward']) {
      if (state === 'after Backward') {
        await editor.press('toolbar.backward');
        await expect(editor.status).toContainText('Backward ran');
      }
      const { nodes } = await screenBoxes(page);
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) expect(apart(nodes[i], nodes[j]), `${name} ${state}: nodes at ${JSON.stringify(nodes[i])} and ${JSON.stringify(nodes[j])} overlap`).toBe(true);
      }
    }
  }
});

test('a value used three times: its three lit wires each show a label naming its port, clear of the nodes and of each other', async ({ editor, page }) => {
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
  for (let k = 0; k < 3; k++) await editor.press('step.phase'); // predict, loss, backward: p's gradient from its three uses
  await expect(page.getByTestId('step.phase.backward')).toHaveAttribute('aria-current', 'step');
  await page.waitForTimeout(700);
  const labels = (await expectNothingCovered(page, 'p’s backward')).filter((l) => l.active);
  expect(labels.map((l) => l.id).sort()).toEqual(['edge.p.a.b', 'edge.p.m.a', 'edge.p.m.b']);
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(apart(labels[i], labels[j]), `${labels[i].id} and ${labels[j].id} overlap`).toBe(true);
  await expect(page.getByTestId('edge.p.m.a')).toContainText('m.a: [2] 1, -2');
  await expect(page.getByTestId('edge.p.m.b')).toContainText('m.b: [2] 1, -2');
  await expect(page.getByTestId('edge.p.a.b')).toContainText('a.b: [2] 1, 1');
  await editor.screenshot('91-readable-three-uses-backward');
});
