import { budgetProblem, describeFirstScreen, firstScreenFiles, measureFirstScreen, readManifest } from '../scripts/sizeBudget';
import { expect, test } from './fixtures';

/** The build the web server serves (playwright.config.ts builds it before the tests run). */
const OUT = process.env.E2E_OUT ?? 'dist';

/** The path the page requests a built file at. */
const served = (file: string) => `/${file}`;

test('the first screen loads at most its budget of JavaScript (gzip): the entry chunk, what it imports statically and the strings of the heavier language', () => {
  const report = measureFirstScreen(OUT);
  console.log(describeFirstScreen(report, 8));
  expect(budgetProblem(report)).toBeNull();
});

test('the first screen fetches only its own JavaScript; the plots, data and training panels download when their tab opens', async ({ editor, page }) => {
  const manifest = readManifest(OUT);
  const own = new Set(firstScreenFiles(manifest).map(served));
  const chunk = (source: string) => served(manifest[source].file);
  const fetched: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) fetched.push(path);
  });
  await editor.open();
  await expect(editor.node('x')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((path) => !own.has(path))).toEqual([]);

  await page.getByTestId('dock.tab.plots').click();
  await expect(page.getByTestId('plot.select')).toBeVisible();
  expect(fetched).toContain(chunk('src/plots/PlotsPanel.tsx'));
  expect(fetched).not.toContain(chunk('src/training/TrainingPanel.tsx'));

  await page.getByTestId('side.tab.train').click();
  await expect(page.getByTestId('train.epochs')).toBeVisible();
  expect(fetched).toContain(chunk('src/training/TrainingPanel.tsx'));
});

test('a panel whose code cannot download says so in the panel, the graph stays, and Try again opens it once the connection is back', async ({ editor, page }) => {
  const manifest = readManifest(OUT);
  const plots = served(manifest['src/plots/PlotsPanel.tsx'].file);
  let offline = true;
  await page.route(`**${plots}`, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await editor.open();
  const before = await editor.document();
  await page.getByTestId('dock.tab.plots').click();
  await expect(page.getByTestId('panel.loadFailed')).toContainText('could not be loaded');
  await expect(editor.canvas).toBeVisible();
  expect(await editor.document()).toEqual(before);
  await editor.screenshot('90-panel-load-failed');

  offline = false;
  await page.getByTestId('panel.retry').click();
  await expect(page.getByTestId('plot.select')).toBeVisible();
  await expect(page.getByTestId('panel.loadFailed')).toHaveCount(0);
});

test('the lessons and the step panel’s explanation download when first used, not with the first screen', async ({ editor, page }) => {
  const manifest = readManifest(OUT);
  const chunk = (source: string) => served(manifest[source].file);
  const fetched: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) fetched.push(path);
  });
  await editor.open();
  await expect(editor.node('x')).toBeVisible();
  await page.waitForLoadState('networkidle');
  for (const later of ['src/lessons/lessonsCode.ts', 'src/stepper/StepDetails.tsx', 'src/shell/notebookFile.ts']) expect(fetched).not.toContain(chunk(later));

  await editor.press('toolbar.lessons');
  await expect(page.getByTestId('lessons.list')).toBeVisible();
  expect(fetched).toContain(chunk('src/lessons/lessonsCode.ts'));
  expect(fetched).not.toContain(chunk('src/stepper/StepDetails.tsx'));

  await editor.press('step.step');
  await expect(page.getByTestId('step.explain')).toBeVisible();
  await expect(page.getByTestId('pytorch.code')).toBeVisible();
  expect(fetched).toContain(chunk('src/stepper/StepDetails.tsx'));
});

test('the Lessons panel and the step explanation say so when their code cannot download, the graph stays, and Try again opens them', async ({ editor, page }) => {
  const manifest = readManifest(OUT);
  const blocked = ['src/lessons/lessonsCode.ts', 'src/stepper/StepDetails.tsx'].map((source) => served(manifest[source].file));
  let offline = true;
  for (const path of blocked) await page.route(`**${path}`, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await editor.open();
  const before = await editor.document();

  await editor.press('toolbar.lessons');
  const lessons = page.getByTestId('lessons.panel');
  await expect(lessons.getByTestId('panel.loadFailed')).toContainText('could not be loaded');
  await editor.press('step.step');
  const steps = page.getByTestId('stepper.panel');
  await expect(steps.getByTestId('panel.loadFailed')).toContainText('could not be loaded');
  await expect(editor.canvas).toBeVisible();
  expect((await editor.document()).nodes).toEqual(before.nodes);
  await editor.screenshot('91-lessons-and-step-load-failed');

  offline = false;
  await lessons.getByTestId('panel.retry').click();
  await expect(page.getByTestId('lessons.list')).toBeVisible();
  await steps.getByTestId('panel.retry').click();
  await expect(page.getByTestId('step.explain')).toBeVisible();
  await expect(page.getByTestId('panel.loadFailed')).toHaveCount(0);
});

test('the notebook writer downloads when Notebook is pressed; when it cannot, the notice says so and nothing downloads', async ({ editor, page }) => {
  const manifest = readManifest(OUT);
  const writer = served(manifest['src/shell/notebookFile.ts'].file);
  let offline = true;
  await page.route(`**${writer}`, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  await editor.open();
  const before = await editor.document();
  let downloads = 0;
  page.on('download', () => downloads++);
  await editor.press('file.exportNotebook');
  await expect(page.getByTestId('notice')).toContainText('could not be downloaded');
  expect(downloads).toBe(0);
  expect(await editor.document()).toEqual(before);

  offline = false;
  const download = page.waitForEvent('download');
  await editor.press('file.exportNotebook');
  expect((await download).suggestedFilename()).toMatch(/\.ipynb$/);
});

test('the node editors download when the pointer first reaches the graph, not with the first screen; a reload with a node selected draws them at once', async ({ editor, page }) => {
  const manifest = readManifest(OUT);
  const editors = served(manifest['src/panels/NodeInspector.tsx'].file);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await editor.open();
  await expect(editor.node('x')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched).not.toContain(editors);

  await editor.select('x');
  await expect(page.getByTestId('inspector.source')).toBeVisible();
  expect(fetched).toContain(editors);

  await page.reload();
  await editor.ready();
  // Drawn with the canvas, without a loading step.
  expect(await page.getByTestId('inspector.source').isVisible()).toBe(true);
});
