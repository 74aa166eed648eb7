import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COURSE_RUNS, courseFile } from '../engine/testing/courseRuns';
import { logLosses } from './curve';
import { expect, test } from './fixtures';
import type { Editor } from './pages/Editor';

test.use({ viewport: { width: 1440, height: 900 } });

const dir = mkdtempSync(join(tmpdir(), 'gradcanvas-dtype-'));

/** The course's chapter 6 (iris, sigmoid + BCE, weights 1, SGD lr 0.01) for a few hundred epochs, as a file to import. */
function chapter6(epochs: number): string {
  const run = COURSE_RUNS[0];
  const csv = readFileSync(fileURLToPath(new URL(`../../shared/data/${run.csv}`, import.meta.url)), 'utf8');
  const file = courseFile(run, csv);
  const path = join(dir, 'chapter6.json');
  writeFileSync(path, JSON.stringify({ ...file, training: { ...file.training, epochs, logEvery: 1 } }));
  return path;
}

/** The loss of every epoch the CLI's `train` prints for a document. */
function cliLosses(doc: unknown): number[] {
  const file = join(dir, 'page.json');
  writeFileSync(file, JSON.stringify(doc));
  const out = execFileSync('node', ['--import', 'tsx', 'engine/cli/main.ts', 'train', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return logLosses(out.split('\n'));
}

/** Switches the interface language. */
async function setLanguage(editor: Editor, lang: 'en' | 'ja'): Promise<void> {
  if ((await editor.snapshot()).lang !== lang) await editor.press('toolbar.lang');
  await expect.poll(async () => (await editor.snapshot()).lang).toBe(lang);
}

test('the training panel’s number type: float32 trains the course’s chapter 6 as PyTorch prints it (4.77289 at epoch 0), the CLI’s float32 log exactly', async ({ editor, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  await editor.importFile(chapter6(300));
  await expect.poll(async () => (await editor.document()).name).toBe(COURSE_RUNS[0].name);

  await page.getByTestId('side.tab.train').click();
  const dtype = page.getByTestId('train.dtype');
  await expect(dtype).toHaveValue('float64');
  expect((await editor.document()).dtype).toBeUndefined();
  await editor.screenshot('dtype-en-float64');

  await test.step('choose float32: the document says so, as one undoable edit', async () => {
    await dtype.selectOption('float32');
    await expect.poll(async () => (await editor.document()).dtype).toBe('float32');
    expect((await editor.snapshot()).history.undo.at(-1)).toBe('number type');
  });

  await test.step('train 300 epochs: every loss equals the CLI’s float32 log, the first 4.77289 as the course prints it', async () => {
    const doc = await editor.document();
    const expected = cliLosses(doc);
    expect(expected).toHaveLength(300);
    expect(expected[0].toPrecision(6)).toBe('4.77289');
    await page.getByTestId('train.start').click();
    await expect(page.getByTestId('train.progress')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    const s = await editor.snapshot();
    expect(s.lossHistory).toEqual(expected);
    // In float64 the same epoch 0 is 4.77294: the switch is what makes the digits PyTorch's.
    expect(cliLosses({ ...doc, dtype: undefined })[0].toPrecision(6)).toBe('4.77294');
    await editor.screenshot('dtype-en-float32-trained');
  });

  await test.step('in Japanese the switch reads 数値の型 and float32（PyTorch の既定）', async () => {
    await setLanguage(editor, 'ja');
    await expect(page.getByText('数値の型 (dtype)')).toBeVisible();
    await expect(dtype.locator('option:checked')).toHaveText('float32（PyTorch の既定）');
    await editor.screenshot('dtype-ja-float32-trained');
  });
});
