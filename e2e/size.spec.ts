import { budgetProblem, describeFirstScreen, firstScreenFiles, measureFirstScreen, readManifest } from '../scripts/sizeBudget';
import { expect, test } from './fixtures';

/** The build the web server serves (playwright.config.ts builds it before the tests run). */
const OUT = process.env.E2E_OUT ?? 'dist';

/** The path the page requests a built file at. */
const served = (file: string) => `/${file}`;

test('the first screen loads at most its budget of JavaScript (gzip): the entry chunk and what it imports statically', () => {
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
