import { expect, test, type Page } from '@playwright/test';

/** x = arange(-2, 2.1, 0.25): 17 points from -2 to 2. */
const xs = Array.from({ length: 17 }, (_, i) => -2 + 0.25 * i);

/** The node values and gradients the page exposes on `window.gradcanvas`. */
async function snapshot(page: Page) {
  return page.evaluate(() => {
    const hook = window.gradcanvas;
    if (!hook) throw new Error('window.gradcanvas is not installed');
    return hook.snapshot();
  });
}

async function node(page: Page, id: string) {
  const n = (await snapshot(page)).nodes.find((m) => m.id === id);
  if (!n) throw new Error(`no node ${id} in the snapshot`);
  return n;
}

/** The numbers a tensor cell shows, e.g. "[-8, -7.5, …]" → [-8, -7.5, …]. */
async function shownNumbers(page: Page, testId: string): Promise<number[]> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return text.replace(/[[\]]/g, '').split(',').map((s) => Number(s.trim()));
}

test.beforeEach(async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto('/');
  await expect(page.getByTestId('node.z.value')).toBeVisible();
  expect(errors, 'no page errors or failed requests on load').toEqual([]);
});

test('the page opens on the composite function, evaluated: z = 85', async ({ page }) => {
  await expect(page).toHaveTitle('GradCanvas');
  await expect(page.getByTestId('node.z.value')).toHaveText('85');
  await expect(page.getByTestId('node.z.shape')).toHaveText('[]');
  await expect(page.getByTestId('node.x.shape')).toHaveText('[17]');
  await expect(page.getByTestId('node.x.op')).toHaveText('input');
  await expect(page.getByTestId('node.square.op')).toHaveText('square');
  await expect(page.getByTestId('node.scale.op')).toHaveText('scale');
  await expect(page.getByTestId('node.y.op')).toHaveText('add');
  await expect(page.getByTestId('node.z.op')).toHaveText('sum');
  expect(await shownNumbers(page, 'node.x.value')).toEqual(xs);
  expect(await shownNumbers(page, 'node.y.value')).toEqual(xs.map((x) => 2 * x * x + 2));
  await expect(page.getByTestId('node.x.grad')).toHaveText('None');

  const snap = await snapshot(page);
  expect(snap.loss).toBe('z');
  expect(snap.nodes.map((n) => n.id)).toEqual(['x', 'square', 'scale', 'y', 'z']);
  expect(await node(page, 'z')).toMatchObject({ op: 'sum', shape: [], value: [85], grad: null });
  expect(await node(page, 'x')).toMatchObject({ op: 'input', shape: [17], value: xs, grad: null });
});

test('Backward gives x.grad = 4x, twice doubles it, Zero grad zeroes it', async ({ page }) => {
  const backward = page.getByRole('button', { name: 'Backward' });
  const zeroGrad = page.getByRole('button', { name: 'Zero grad' });
  const status = page.getByRole('status');

  await backward.click();
  await expect(page.getByTestId('node.x.grad')).toHaveText(/^\[-8, -7, -6, /);
  expect(await shownNumbers(page, 'node.x.grad')).toEqual(xs.map((x) => 4 * x));
  expect((await node(page, 'x')).grad).toEqual(xs.map((x) => 4 * x));
  await expect(page.getByTestId('node.z.grad')).toHaveText('1');
  await expect(status).toContainText('Backward ran once');

  await backward.click();
  await expect(page.getByTestId('node.x.grad')).toHaveText(/^\[-16, -14, -12, /);
  expect(await shownNumbers(page, 'node.x.grad')).toEqual(xs.map((x) => 8 * x));
  expect((await node(page, 'x')).grad).toEqual(xs.map((x) => 8 * x));
  await expect(status).toContainText('Backward ran 2 times without zeroing');
  await expect(status).toContainText('accumulated to 2×');
  // The forward values do not move: only the gradient accumulates.
  await expect(page.getByTestId('node.z.value')).toHaveText('85');

  await zeroGrad.click();
  expect(await shownNumbers(page, 'node.x.grad')).toEqual(xs.map(() => 0));
  expect((await node(page, 'x')).grad).toEqual(xs.map(() => 0));
  await expect(status).toContainText('Gradients zeroed');

  await backward.click();
  expect(await shownNumbers(page, 'node.x.grad')).toEqual(xs.map((x) => 4 * x));
});

test('window.gradcanvas is read-only: changing a snapshot changes nothing on the page', async ({ page }) => {
  await page.getByRole('button', { name: 'Backward' }).click();
  await expect(page.getByTestId('node.x.grad')).toHaveText(/^\[-8, /);
  const outcome = await page.evaluate(() => {
    const snap = window.gradcanvas!.snapshot();
    (snap.nodes[0].grad as number[])[0] = 12345;
    (snap.nodes as unknown[]).length = 0;
    const before = window.gradcanvas;
    try {
      (window as { gradcanvas?: unknown }).gradcanvas = { snapshot: () => null };
    } catch {
      // Non-writable: strict-mode assignment throws, sloppy-mode assignment is ignored.
    }
    return { same: window.gradcanvas === before, still: window.gradcanvas!.snapshot().nodes[0].grad?.[0] };
  });
  expect(outcome).toEqual({ same: true, still: -8 });
  await expect(page.getByTestId('node.x.grad')).toHaveText(/^\[-8, /);
});
