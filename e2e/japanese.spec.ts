import type { Page } from '@playwright/test';
import { allowedEnglish, englishWords } from '../src/i18n/englishWords';
import { expect, test } from './fixtures';
import type { Editor } from './pages/Editor';
import { graphFile, importGraph } from './stepperHelpers';

// The window a learner on a laptop opens GradCanvas in.
test.use({ viewport: { width: 1440, height: 900 } });

/** Where this spec's screenshots go, beside the run's other results. */
const SHOTS = `${process.env.E2E_RESULTS ?? 'test-results'}/screenshots`;

/**
 * What the page shows a reader: visible text outside code, attribute texts (title, aria-label,
 * placeholder, alt), and tooltips shown on hover. Text marked as another language (the switch's
 * "English") and React Flow's credit link, in its authors' words, are not the page's own.
 */
async function shownTexts(page: Page): Promise<{ text: string; where: string }[]> {
  return page.evaluate(() => {
    const out: { text: string; where: string }[] = [];
    const inCode = (el: Element | null) => el?.closest('code, pre, kbd, [data-code], .react-flow__attribution') != null;
    const otherLanguage = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? 'ja') !== 'ja';
    const shown = (el: Element) => el.closest('[role="tooltip"]') != null || el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    const label = (el: Element) => el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName.toLowerCase();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || text === '' || inCode(el) || otherLanguage(el) || el.closest('script, style') || !(shown(el) || el.tagName === 'OPTION')) continue;
      out.push({ text, where: label(el) });
    }
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt], [aria-description]')) {
      if (inCode(el) || !shown(el)) continue;
      for (const a of ['title', 'aria-label', 'placeholder', 'alt', 'aria-description']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push({ text: v, where: `${label(el)}@${a}` });
      }
    }
    return out;
  });
}

/** Every English word on the page outside the allowed vocabulary, with where it is. */
async function untranslated(editor: Editor, allowed: ReadonlySet<string>): Promise<string[]> {
  const doc = await editor.document();
  // The learner's own names (node ids and labels, datasets and their columns) are theirs, in any language.
  const own = new Set<string>([...doc.nodes.flatMap((n) => [n.id, n.label ?? '']), ...Object.keys(doc.datasets ?? {}), ...Object.values(doc.datasets ?? {}).flatMap((d) => d.columns)]);
  const words = new Set([...allowed, ...[...own].flatMap((name) => name.split(/[^A-Za-z0-9]+/))]);
  const bad: string[] = [];
  for (const { text, where } of await shownTexts(editor.page)) {
    const found = englishWords(text, words);
    if (found.length > 0) bad.push(`${where}: ${found.join(' ')}  ‹${text.slice(0, 120)}›`);
  }
  return [...new Set(bad)];
}

/** Checks one screen in Japanese and saves it beside its English twin. */
async function screen(editor: Editor, name: string, allowed: ReadonlySet<string>): Promise<void> {
  await editor.page.waitForTimeout(200);
  await editor.page.screenshot({ path: `${SHOTS}/ja-${name}.png` });
  expect(await untranslated(editor, allowed), `English words on the Japanese ${name} screen`).toEqual([]);
}

test.describe('every screen in Japanese', () => {
  const allowed = allowedEnglish();

  test.beforeEach(async ({ editor, page }) => {
    await editor.open();
    await editor.press('toolbar.lang');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  });

  test('the opening graph, after Backward, and stepping through forward and backward with the explanation and PyTorch view', async ({ editor, page }) => {
    await screen(editor, 'opening', allowed);
    await editor.press('toolbar.backward');
    await expect(editor.status).toContainText('逆伝播');
    await screen(editor, 'backward', allowed);
    await editor.press('step.step');
    await editor.press('step.step');
    await expect(page.getByTestId('step.explain')).toBeVisible();
    await screen(editor, 'step-forward', allowed);
    for (let k = 0; k < 5; k++) await editor.press('step.step');
    await expect(page.getByTestId('step.phase.backward')).toHaveAttribute('aria-current', 'step');
    await screen(editor, 'step-backward', allowed);
  });

  test('training and plots after a short run, the Data tab, the inspector of a linear and an mse node, and the gradient check', async ({ editor, page }) => {
    await editor.openExample('linear-regression-module');
    await expect(editor.node('linear')).toBeVisible();
    await page.getByTestId('side.tab.train').click();
    const epochs = page.getByTestId('train.epochs');
    await epochs.fill('20');
    await epochs.press('Enter');
    await page.getByTestId('train.start').click();
    await expect.poll(async () => (await editor.snapshot()).training.status, { timeout: 20_000 }).toBe('done');
    await page.getByTestId('dock.tab.plots').click();
    // The plots load on first use: the screen is read once the loss curve is drawn.
    await expect(page.getByTestId('plot.select')).toBeVisible();
    await screen(editor, 'training-plots', allowed);
    for (const kind of ['data', 'contour', 'optimizer', 'function']) {
      await page.getByTestId('plot.select').selectOption(kind);
      await screen(editor, `plot-${kind}`, allowed);
    }
    await page.getByTestId('side.tab.data').click();
    await screen(editor, 'data', allowed);
    await page.getByTestId('side.tab.inspector').click();
    await editor.select('linear');
    await screen(editor, 'inspector-linear', allowed);
    await editor.select('loss');
    await screen(editor, 'inspector-mse', allowed);
    await page.getByTestId('side.tab.gradcheck').click();
    await page.getByTestId('gradcheck.run').click();
    await expect(page.getByTestId('gradcheck.table')).toBeVisible();
    await screen(editor, 'gradcheck', allowed);
  });

  test('the Examples, File and Recent menus', async ({ editor, page }) => {
    await editor.press('file.examples');
    await expect(page.getByTestId('file.example.composite-function')).toBeVisible();
    await screen(editor, 'examples-menu', allowed);
    await page.keyboard.press('Escape');
    await editor.openExample('binary-classification');
    await expect(editor.node('prob')).toBeVisible();
    await editor.openRecentMenu();
    await screen(editor, 'recent', allowed);
    await page.keyboard.press('Escape');
  });

  test('a graph with problems: an unconnected input, marked on the node, in the inspector and in the notice', async ({ editor, page }) => {
    const x = { id: 'x', op: 'input', position: { x: 0, y: 0 }, value: { type: 'tensor', shape: [2], data: [1, 2] } };
    const nodes = [x, { id: 'square', op: 'square', position: { x: 200, y: 0 } }, { id: 'z', op: 'sum', position: { x: 400, y: 0 } }];
    const file = graphFile('問題のあるグラフ', nodes, [{ source: 'square', target: 'z', targetPort: 'x' }], 'z');
    await importGraph(editor, file, 'problems.json');
    await expect(editor.notice).toContainText('問題');
    await expect(page.getByTestId('node.square.problem')).toBeVisible();
    await editor.select('square');
    await expect(page.getByTestId('inspector.problems')).toContainText('square の入力 x に何もつながっていません');
    await editor.node('square').getByTestId('node.square.problem').hover();
    await screen(editor, 'problems', allowed);
    // An edit in the inspector: Undo names it in Japanese.
    await editor.select('z');
    await page.getByTestId('inspector.useAsLoss').uncheck();
    await expect(editor.control('toolbar.undo')).toHaveAttribute('title', /損失の指定を解除/);
    await screen(editor, 'problems-edited', allowed);
  });

  test('a file that cannot be opened: the notice says where in Japanese and folds the English details away', async ({ editor }) => {
    const file = graphFile('壊れたグラフ', [{ id: 'x', op: 'input', value: { type: 'tensor', shape: [1], data: [1] } }], [], 'x');
    await editor.importFile({ name: 'broken.json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect(editor.notice).toContainText('broken.json を開けませんでした');
    await expect(editor.notice).toContainText('「nodes[0].position」：ファイルのこの箇所を読み込めません');
    await expect(editor.page.getByTestId('notice.technical')).not.toHaveAttribute('open');
    await screen(editor, 'file-refused', allowed);
    await editor.importFile({ name: 'other.json', buffer: Buffer.from(JSON.stringify({ format: 'something-else', version: 1 })) });
    await expect(editor.notice).toContainText('other.json を開けませんでした');
    await expect(editor.notice).toContainText('GradCanvas のグラフのファイルではありません');
    await screen(editor, 'file-not-gradcanvas', allowed);
  });

  test('a CSV with a cell that is not a number: the Data tab names the line and column in Japanese', async ({ editor, page }) => {
    await page.getByTestId('side.tab.data').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('datasets.import').click();
    await (await chooser).setFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n3,x\n') });
    await expect(page.getByTestId('datasets.error')).toContainText("3 行目、列 b：'x' は数値ではありません");
    await screen(editor, 'csv-error', allowed);
  });

  test('a classification run with accuracy and validation: the training panel and the data plot with its regions', async ({ editor, page }) => {
    await editor.openExample('binary-classification');
    await expect(editor.node('prob')).toBeVisible();
    await page.getByTestId('side.tab.train').click();
    await expect(page.getByTestId('train.metrics.accuracy')).toBeChecked();
    const epochs = page.getByTestId('train.epochs');
    await epochs.fill('10');
    await epochs.press('Enter');
    await page.getByTestId('train.start').click();
    await expect.poll(async () => (await editor.snapshot()).training.status, { timeout: 20_000 }).toBe('done');
    await page.getByTestId('dock.tab.plots').click();
    await page.getByTestId('plot.select').selectOption('data');
    await expect(page.getByTestId('plot.data.regions')).toBeVisible();
    await screen(editor, 'classification', allowed);
  });
});

