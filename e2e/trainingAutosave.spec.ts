import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { GraphFile } from '../engine/format/schema';
import { atEpochs, logLosses, runPart } from './curve';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1600, height: 900 } });

const RM_PRICE = fileURLToPath(new URL('../../shared/data/boston_rm_price.csv', import.meta.url));

/** Boston RM → PRICE with linear(1,1) (weight and bias 1) and mse, trained by Adam for far more epochs than the test waits for. */
function longRun(): GraphFile {
  const [header, ...lines] = readFileSync(RM_PRICE, 'utf8').trim().split('\n');
  return {
    format: 'gradcanvas-graph',
    version: 1,
    name: 'Boston RM, a long Adam run',
    nodes: [
      { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'boston', columns: ['RM'] } },
      { id: 'Y', op: 'input', position: { x: 0, y: 220 }, value: { type: 'columns', dataset: 'boston', columns: ['PRICE'] } },
      { id: 'linear', op: 'linear', position: { x: 260, y: 0 }, attrs: { inFeatures: 1, outFeatures: 1 }, params: { weight: { shape: [1, 1], data: [1] }, bias: { shape: [1], data: [1] } } },
      { id: 'mse', op: 'mse', position: { x: 520, y: 110 } },
    ],
    edges: [
      { source: 'X', target: 'linear', targetPort: 'x' },
      { source: 'linear', target: 'mse', targetPort: 'input' },
      { source: 'Y', target: 'mse', targetPort: 'target' },
    ],
    loss: 'mse',
    datasets: { boston: { columns: header.split(','), rows: lines.map((l) => l.split(',').map(Number)) } },
    training: { optimizer: { type: 'adam', lr: 0.01 }, epochs: 5_000_000, batchSize: null, seed: 0 },
  } as GraphFile;
}

/** Runs the CLI's `train` on a graph file (it must not fail): its loss log (every `logEvery`-th epoch and the last) and its parameter lines' numbers. */
function cli(doc: unknown, logEvery = 1): { losses: number[]; params: number[][] } {
  const file = join(mkdtempSync(join(tmpdir(), 'gradcanvas-autosave-')), 'graph.json');
  writeFileSync(file, JSON.stringify(doc));
  const out = execFileSync('node', ['--import', 'tsx', 'engine/cli/main.ts', 'train', file, '--log-every', String(logEvery)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n');
  return {
    losses: logLosses(out),
    params: out.filter((l) => l.startsWith('linear.')).map((l) => l.split('] ')[1].split(' ').map(Number)),
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

/**
 * What the test reads during the run, taken in the page: a full snapshot carries the whole
 * loss curve (up to 10,000 points by then), too much to send on every poll.
 */
function live(page: Page): Promise<{ status: string; trainEntries: number; doc: GraphFile }> {
  return page.evaluate(() => {
    const s = window.gradcanvas!.snapshot();
    return { status: s.training.status, trainEntries: s.history.undo.filter((l) => /^Train \d+ epochs?$/.test(l)).length, doc: s.document };
  });
}

/** Adam's step count in the document: how many epochs the saved parameters are from the start. */
function savedSteps(doc: GraphFile): number {
  return doc.optimizerState?.find((s) => s.node === 'linear' && s.name === 'weight')?.step ?? 0;
}

test('a running run is written into the document about once a second; a reload keeps the parameters of a saved epoch and Train continues from them', async ({ editor, page }) => {
  test.setTimeout(120_000);
  await editor.open();
  const initial = longRun();
  await editor.importFile({ name: 'boston-long-adam.json', buffer: Buffer.from(JSON.stringify(initial)) });
  await expect.poll(async () => (await editor.document()).loss).toBe('mse');
  await page.getByTestId('side.tab.train').click();
  await page.getByTestId('train.start').click();
  await expect(page.getByTestId('train.progress')).toHaveAttribute('data-status', 'running');

  await test.step('while it runs, the document gets the trained parameters (one undo entry), and the run goes on', async () => {
    await expect.poll(async () => savedSteps((await live(page)).doc), { timeout: 10_000 }).toBeGreaterThan(0);
    const first = await live(page);
    expect(first.status).toBe('running');
    expect(linearParams(first.doc)).not.toEqual(linearParams(initial));
    // Later writes replace the parameters within the same undo entry.
    await expect.poll(async () => savedSteps((await live(page)).doc), { timeout: 10_000 }).toBeGreaterThan(savedSteps(first.doc));
    const later = await live(page);
    expect(later.status).toBe('running');
    expect(later.trainEntries).toBe(1);
  });

  let saved = 0;
  let params: number[][] = [];
  await test.step('reload mid-run: the document holds the parameters and Adam state of a saved epoch, exactly as the CLI computes them', async () => {
    // Autosave writes a moment after each change; give it that moment, then leave the page mid-run.
    await page.waitForTimeout(500);
    await page.reload();
    await editor.ready();
    const doc = await editor.document();
    saved = savedSteps(doc);
    params = linearParams(doc);
    expect(saved).toBeGreaterThan(0);
    expect(params).not.toEqual(linearParams(initial));
    // The curve came back with the document: one loss per saved epoch (sampled past 10,000), the trail ending at the saved parameters.
    expect(doc.history?.epochs).toBe(saved);
    const trail = (await editor.snapshot()).trail;
    expect(trail.at(-1)?.epoch).toBe(saved);
    expect([trail.at(-1)?.params['linear.weight'], trail.at(-1)?.params['linear.bias']]).toEqual(params);
    // The initial graph trained for that many epochs by the CLI ends on exactly these parameters.
    const expected = cli({ ...initial, training: { ...initial.training, epochs: saved } }, 1e9);
    expect(params).toEqual(expected.params);
    console.log(`reload after a run: the document kept epoch ${saved}'s parameters ${JSON.stringify(params)}`);
  });

  await test.step('Train after the reload continues from there: the same losses and parameters as the CLI continuing the saved document', async () => {
    await page.getByTestId('side.tab.train').click();
    await setField(page, 'train.epochs', '3');
    const reloaded = await editor.document();
    expect(savedSteps(reloaded)).toBe(saved);
    await page.getByTestId('train.start').click();
    await expect(page.getByTestId('train.progress')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    const s = await editor.snapshot();
    const expected = cli(reloaded);
    // This run's losses are the CLI's; the document's curve holds the run before the reload and this one (sampled past 10,000 points).
    expect(expected.losses).toHaveLength(3);
    const part = runPart(s, saved);
    expect(part.map(([, loss]) => loss)).toEqual(atEpochs(expected.losses, part));
    expect(s.training.lastLoss).toBe(expected.losses.at(-1));
    expect(s.lossEpochs.at(-1)).toBe(saved + 3);
    expect(s.lossHistory.at(-1)).toBe(expected.losses.at(-1));
    expect(linearParams(s.document)).toEqual(expected.params);
    expect(savedSteps(s.document)).toBe(saved + 3);
  });
});
