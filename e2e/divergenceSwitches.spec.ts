import type { Page } from '@playwright/test';
import { bookRun } from './bookRun';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

/** Types into a field and commits it the way a person does: Enter. */
async function setField(page: Page, testId: string, value: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill(value);
  await field.press('Enter');
}

test('the training panel’s two divergence switches, clicked: each stops the diverging run (or lets it run) as it says', async ({ editor, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  // The book's Boston MSE/2 run at lr 0.01 diverges: past 1e6 × its first loss at epoch 25, inf at epoch 1021, NaN after.
  await editor.importFile({ name: 'boston-mse-half.json', buffer: Buffer.from(JSON.stringify(bookRun())) });
  await expect.poll(async () => (await editor.document()).loss).toBe('half');
  await page.getByTestId('side.tab.train').click();
  await setField(page, 'train.lr', '0.01');
  await setField(page, 'train.epochs', '1200');
  const stopOnInf = page.getByTestId('train.divergenceStop');
  const stopOnGrowth = page.getByTestId('train.divergenceFactor.on');
  const message = page.getByTestId('train.divergence');
  const progress = page.getByTestId('train.progress');
  // The curve's epoch at the growth stop, as the loss curve numbers it.
  let grownAt = 0;

  await test.step('both on (the default): stopped at epoch 25, when the loss passed its first value × 1e6; the curve ends finite', async () => {
    await expect(stopOnInf).toBeChecked();
    await expect(stopOnGrowth).toBeChecked();
    await page.getByTestId('train.start').click();
    await expect(message).toContainText('Training stopped at epoch 25');
    const s = await editor.snapshot();
    expect(s.training.divergence).toMatchObject({ epoch: 25, rule: 'loss-growth' });
    expect(s.lossHistory.length).toBeLessThanOrEqual(26);
    expect(s.lossHistory.at(-1)! / s.lossHistory[0]).toBeGreaterThan(1e6);
    expect(s.lossHistory.every(Number.isFinite)).toBe(true);
    grownAt = s.lossEpochs.at(-1)!;
    await page.getByTestId('train.reset').click();
    await expect(message).toHaveCount(0);
  });

  await test.step('growth switch off by a click: the run goes on past epoch 25 and stops only when the loss becomes inf', async () => {
    await stopOnGrowth.click();
    await expect(stopOnGrowth).not.toBeChecked();
    await page.getByTestId('train.start').click();
    await expect(message).toContainText('Training stopped at epoch 1021: the loss became inf', { timeout: 60_000 });
    const s = await editor.snapshot();
    expect(s.training.divergence).toMatchObject({ epoch: 1021, rule: 'nonfinite-loss' });
    // The curve passed its first value × 1e6 where the first run stopped, and went on 996 epochs more (epoch 25 to 1021).
    expect(s.lossEpochs[s.lossHistory.findIndex((l) => l / s.lossHistory[0] > 1e6)]).toBe(grownAt);
    expect(s.lossEpochs.at(-1)).toBe(grownAt + 1021 - 25);
    expect(s.lossHistory.slice(0, -1).every(Number.isFinite)).toBe(true);
    await page.getByTestId('train.reset').click();
    await expect(message).toHaveCount(0);
  });

  await test.step('inf/nan switch off by a click: the growth switch goes away and nothing stops the run; all 1,200 epochs run, the curve ends past inf', async () => {
    await stopOnInf.click();
    await expect(stopOnInf).not.toBeChecked();
    await expect(stopOnGrowth).toHaveCount(0);
    await page.getByTestId('train.start').click();
    await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    await expect(progress).toHaveAttribute('data-epoch', '1200');
    await expect(message).toHaveCount(0);
    const s = await editor.snapshot();
    expect(s.training.divergence ?? null).toBeNull();
    expect(s.lossHistory.some((l) => l === Infinity)).toBe(true);
    expect(Number.isFinite(s.lossHistory.at(-1))).toBe(false);
    await editor.screenshot('polish-03-divergence-never-en');
  });
});
