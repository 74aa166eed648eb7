import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { GraphFile } from '../engine/format/schema';
import { bookRun } from './bookRun';
import { logLosses } from './curve';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1600, height: 900 } });

/** Runs the CLI's `train` on a graph file: its loss log, its parameter lines' numbers, and its error output. */
function cli(doc: unknown): { losses: number[]; params: number[][]; stderr: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'gradcanvas-divergence-')), 'graph.json');
  writeFileSync(file, JSON.stringify(doc));
  let out: string;
  let stderr = '';
  try {
    out = execFileSync('node', ['--import', 'tsx', 'engine/cli/main.ts', 'train', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout: string; stderr: string };
    out = err.stdout;
    stderr = err.stderr;
  }
  const lines = out.split('\n');
  return {
    losses: logLosses(lines),
    params: lines.filter((l) => l.startsWith('linear.')).map((l) => l.split('] ')[1].split(' ').map(Number)),
    stderr,
  };
}

/** Types into a field and commits it the way a person does: Enter. */
async function setField(page: Page, testId: string, value: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill(value);
  await field.press('Enter');
}

/** The linear node's weight and bias as the document holds them. */
function linearParams(doc: GraphFile): number[][] {
  const p = doc.nodes.find((n) => n.id === 'linear')?.params ?? {};
  return [p.weight?.data ?? [], p.bias?.data ?? []].map((d) => d.map(Number));
}

test('the book’s Boston RM+LSTAT MSE/2 run at lr 0.01 stops at epoch 25 with the rule and epoch 24’s parameters; the stepper stops at the same step with the same parameters; with the rule off it runs to inf', async ({ editor, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  await editor.importFile({ name: 'boston-mse-half.json', buffer: Buffer.from(JSON.stringify(bookRun())) });
  await expect.poll(async () => (await editor.document()).loss).toBe('half');
  const start = linearParams(await editor.document());
  expect(start).toEqual([[1, 1], [1]]);

  await page.getByTestId('side.tab.train').click();
  await setField(page, 'train.lr', '0.01');
  await setField(page, 'train.epochs', '5000');
  await expect(page.getByTestId('train.divergenceFactor.on')).toBeChecked();
  await expect(page.getByTestId('train.divergenceFactor')).toHaveValue('1000000');
  const doc = await editor.document();
  expect(doc.training).toEqual({ optimizer: { type: 'sgd', lr: 0.01 }, epochs: 5000, batchSize: null, seed: 0 });
  const expected = cli(doc);

  await test.step('Train: stopped at epoch 25 by the loss growing past 1e6 × the first; the document holds epoch 24’s finite parameters, as the CLI prints them', async () => {
    await page.getByTestId('train.start').click();
    const message = page.getByTestId('train.divergence');
    await expect(message).toBeVisible({ timeout: 30_000 });
    await expect(message).toHaveText(
      "Training stopped at epoch 25: the loss 1.54e8 grew past 1,000,000 × the first loss (112). The parameters are back to epoch 24’s values. Try a smaller learning rate (now 0.01).",
    );
    const s = await editor.snapshot();
    expect(s.training).toMatchObject({ status: 'diverged', epoch: 26, divergence: { epoch: 25, rule: 'loss-growth', nodes: ['half'] } });
    expect(s.lossHistory).toEqual(expected.losses);
    expect(s.lossHistory).toHaveLength(26);
    const params = linearParams(s.document);
    expect(params.flat().every(Number.isFinite)).toBe(true);
    expect(params).toEqual(expected.params);
    expect(expected.stderr).toContain('Training stopped at epoch 25:');
    expect(s.history.undo.at(-1)).toBe('Train 26 epochs');
    console.log(`Boston RM+LSTAT MSE/2 at lr 0.01 in the page: ${s.training.divergence?.message} Parameters: ${JSON.stringify(params)}`);
    await editor.screenshot('62-divergence-growth');
  });

  await test.step('the message follows the language', async () => {
    await editor.press('toolbar.lang');
    await expect(page.getByTestId('train.divergence')).toContainText('エポック 25 で学習を止めました');
    await expect(page.getByTestId('train.divergence')).toContainText('パラメータはエポック 24 の値に戻しました');
    await editor.press('toolbar.lang');
    await expect(page.getByTestId('train.divergence')).toContainText('Training stopped at epoch 25');
  });

  await test.step('Reset, then the stepper: Step training step stops at training step 26 (epoch 25) with the rule, and the document holds the parameters the CLI prints', async () => {
    await page.getByTestId('train.reset').click();
    await expect.poll(async () => linearParams(await editor.document())).toEqual(start);
    const message = page.getByTestId('step.divergence');
    for (let k = 0; k < 40 && !(await message.isVisible()); k++) await page.getByTestId('step.training').click();
    await expect(message).toContainText('Stopped at training step 26: the loss 1.54e8 grew past 1,000,000 × the first loss (112). The parameters are back to where step 25 started.');
    const s = await editor.snapshot();
    expect(s.stepper?.divergence).toMatchObject({ epoch: 26, rule: 'loss-growth', lastGoodEpoch: 25 });
    expect(s.stepper?.epoch).toBe(26);
    // Steps 1 to 25 are in the document, one undo entry each; the step that broke the rule is one more entry that puts back
    // where step 25 started (epoch 24's values, as Train and the CLI do) and adds its loss to the curve.
    expect(s.history.undo.slice(-26)).toEqual([...Array.from({ length: 25 }, (_, k) => `Step ${k + 1}`), 'Step 26 (diverged)']);
    expect(linearParams(s.document)).toEqual(expected.params);
    expect(s.lossHistory).toEqual(expected.losses);
    // Further clicks start no new step.
    await page.getByTestId('step.training').click();
    expect((await editor.snapshot()).stepper?.epoch).toBe(26);
    await page.getByTestId('step.reset').click();
    await expect(message).toHaveCount(0);
    // Undo takes the stepped steps back, one by one: the document starts from (1, 1) again.
    for (let k = 0; k < 26; k++) await editor.press('toolbar.undo');
    await expect.poll(async () => linearParams(await editor.document())).toEqual(start);
    expect((await editor.snapshot()).lossHistory).toEqual([]);
  });

  await test.step('with the rule off (the checkbox) only inf stops it: epoch 1021, the loss past 1e30 at epoch 99; the parameters are still finite', async () => {
    await page.getByTestId('train.divergenceFactor.on').uncheck();
    await expect(page.getByTestId('train.divergenceFactor')).toHaveCount(0);
    const off = await editor.document();
    expect(off.training.divergenceFactor).toBeNull();
    const cliOff = cli(off);
    await page.getByTestId('train.start').click();
    await expect(page.getByTestId('train.divergence')).toContainText('Training stopped at epoch 1021: the loss became inf', { timeout: 30_000 });
    const s = await editor.snapshot();
    expect(s.training.divergence).toMatchObject({ epoch: 1021, rule: 'nonfinite-loss' });
    expect(s.lossHistory.findIndex((l) => l > 1e30)).toBe(99);
    expect(s.lossHistory).toEqual(cliOff.losses);
    const params = linearParams(s.document);
    expect(params.flat().every(Number.isFinite)).toBe(true);
    expect(params).toEqual(cliOff.params);
    console.log(`with the rule off: ${s.training.divergence?.message}`);
    // Turning it back on leaves the setting out again (the default).
    await page.getByTestId('train.divergenceFactor.on').check();
    expect((await editor.document()).training.divergenceFactor).toBeUndefined();
  });
});
