import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePath, runCli } from '../testing/cliProcess';

const tmp = mkdtempSync(join(tmpdir(), 'gradcanvas-cli-metrics-'));

/** A shipped example with changes, written to a temporary file; returns its path. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document edited freely, as a user would
function variant(name: string, change: (doc: any) => void, as = `${name}-variant`): string {
  const doc = JSON.parse(readFileSync(examplePath(name), 'utf8'));
  change(doc);
  const path = join(tmp, `${as}.json`);
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

/** The epochs of the log lines (those starting with a number). */
const epochsOf = (lines: string[]) => lines.filter((l) => /^\d+,/.test(l)).map((l) => Number(l.split(',')[0]));

describe('npm run cli -- grad --times N', () => {
  it('grad --times 2 on the composite function prints x.grad = 8x: two backward passes, not zeroed, add up', () => {
    const x = runCli('eval', examplePath('composite-function')).lines[0].split(' ').slice(2).map(Number);
    const once = runCli('grad', examplePath('composite-function'));
    const twice = runCli('grad', examplePath('composite-function'), '--times', '2');
    expect(twice.status, twice.stderr).toBe(0);
    expect(once.lines).toEqual([`x.grad [17] ${x.map((v) => 4 * v).join(' ')}`]);
    expect(twice.lines).toEqual([`x.grad [17] ${x.map((v) => 8 * v).join(' ')}`]);
    expect(runCli('grad', examplePath('composite-function'), '--times', '3').lines).toEqual([`x.grad [17] ${x.map((v) => 12 * v).join(' ')}`]);
  });

  it('grad --times on parameters accumulates linear.weight.grad too', () => {
    const once = runCli('grad', examplePath('linear-regression-module')).lines;
    const twice = runCli('grad', examplePath('linear-regression-module'), '--times', '2').lines;
    expect(twice.map((l) => l.split(' ').slice(2).map(Number))).toEqual(once.map((l) => l.split(' ').slice(2).map((v) => 2 * Number(v))));
  });

  it('--times 0, --times on train and --validation on grad are usage errors (exit 2)', () => {
    expect(runCli('grad', examplePath('composite-function'), '--times', '0').stderr).toContain("--times must be at least 1, got '0'");
    expect(runCli('train', examplePath('composite-function'), '--times', '2').status).toBe(2);
    const r = runCli('grad', examplePath('composite-function'), '--validation');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--validation applies to eval only');
  });
});

describe('npm run cli -- train: the log', () => {
  it('a classification file with metrics.accuracy and a blobs_test split prints epoch,loss,acc,val_loss,val_acc at its logEvery (10) and the last epoch', () => {
    const r = runCli('train', examplePath('binary-classification'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.lines[0]).toBe('epoch,loss,acc,val_loss,val_acc');
    expect(epochsOf(r.lines)).toEqual([...Array.from({ length: 30 }, (_, k) => 10 * k), 299]);
    const [, loss, acc, valLoss, valAcc] = r.lines[1].split(',').map(Number);
    expect(loss).toBeGreaterThan(0);
    expect(valLoss).toBeGreaterThan(0);
    // 80 training rows and 20 validation rows: the accuracies count whole predictions.
    expect(Number.isInteger(Math.round(acc * 80 * 1e6) / 1e6)).toBe(true);
    expect(Number.isInteger(Math.round(valAcc * 20 * 1e6) / 1e6)).toBe(true);
  });

  it('--log-every overrides the file\'s logEvery', () => {
    expect(epochsOf(runCli('train', examplePath('multiclass-classification'), '--log-every', '100').lines)).toEqual([0, 100, 200, 299]);
  });

  it('training.logEvery in the file is read by train and by export-pytorch (it used to print every epoch)', () => {
    const path = variant('linear-regression-module', (doc) => (doc.training.logEvery = 100), 'log-every-100');
    const r = runCli('train', path);
    expect(r.lines[0]).toBe('epoch,loss');
    expect(epochsOf(r.lines)).toEqual([0, 100, 200, 300, 400, 499]);
    expect(runCli('export-pytorch', path).stdout).toContain('if epoch % 100 == 0 or epoch == 499 or problem:');
    expect(runCli('export-pytorch', path, '--log-every', '7').stdout).toContain('if epoch % 7 == 0 or epoch == 499 or problem:');
  });

  it('no metrics and no split: epoch,loss only; a split alone adds val_loss', () => {
    expect(runCli('train', examplePath('linear-regression-module'), '--epochs', '3').lines[0]).toBe('epoch,loss');
    const split = variant('multiclass-classification', (doc) => delete doc.training.metrics, 'split-only');
    const r = runCli('train', split, '--epochs', '3');
    expect(r.lines.slice(0, 3).map((l) => l.split(',').length)).toEqual([3, 3, 3]);
    expect(r.lines[0]).toBe('epoch,loss,val_loss');
  });

  it('metrics.accuracy on an mse loss → exit 1 naming the classification losses, in check and in train', () => {
    const path = variant('linear-regression-module', (doc) => (doc.training.metrics = { accuracy: true }), 'mse-accuracy');
    const c = runCli('check', path);
    expect(c.status).toBe(1);
    expect(c.stderr).toContain("training.metrics.accuracy: accuracy needs the loss to be a classification loss (bce, bce_with_logits, cross_entropy), but the loss 'loss' is mse");
    const t = runCli('train', path);
    expect(t.status).toBe(1);
    expect(t.stderr).toContain('accuracy needs the loss to be a classification loss');
  });
});

describe('npm run cli -- train -o: training on from the written file', () => {
  const continued = (name: string, training: Record<string, unknown>, as: string) => {
    const path = variant(name, (doc) => Object.assign(doc.training, training), as);
    const out = join(tmp, `${as}-trained.json`);
    const once = runCli('train', path, '--epochs', '50', '--log-every', '1');
    const first = runCli('train', path, '--epochs', '20', '--log-every', '1', '-o', out);
    const rest = runCli('train', out, '--epochs', '30', '--log-every', '1');
    return { once, first, rest, out };
  };

  it('20 epochs of SGD with momentum, -o, then 30 more from the written file print what 50 at once print', () => {
    const { once, first, rest, out } = continued('multiclass-classification', { optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 } }, 'momentum');
    expect(first.status, first.stderr).toBe(0);
    expect(rest.status, rest.stderr).toBe(0);
    const logOf = (lines: string[]) => lines.filter((l) => /^\d+,/.test(l)).map((l) => l.split(',').slice(1).join(','));
    expect(logOf(first.lines).concat(logOf(rest.lines))).toEqual(logOf(once.lines));
    expect(rest.lines.filter((l) => l.startsWith('linear.'))).toEqual(once.lines.filter((l) => l.startsWith('linear.')));
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.optimizerState.map((s: { node: string; name: string; momentumBuffer: number[] }) => [s.node, s.name, s.momentumBuffer.length])).toEqual([['linear', 'weight', 6], ['linear', 'bias', 3]]);
    expect(runCli('check', out).status).toBe(0);
  });

  it('with mini-batches of 16 and Adam the written seed continues the shuffle: 20 + 30 = 50', () => {
    const { once, rest } = continued('multiclass-classification', { optimizer: { type: 'adam', lr: 0.01 }, batchSize: 16, seed: 4 }, 'adam-batches');
    expect(rest.status, rest.stderr).toBe(0);
    expect(rest.lines.filter((l) => l.startsWith('linear.'))).toEqual(once.lines.filter((l) => l.startsWith('linear.')));
    expect(rest.lines.filter((l) => /^\d+,/.test(l)).map((l) => l.split(',').slice(1).join(','))).toEqual(once.lines.filter((l) => /^\d+,/.test(l)).slice(20).map((l) => l.split(',').slice(1).join(',')));
  });

  it('-o on check or eval is a usage error; a path that cannot be written exits 1 naming it', () => {
    expect(runCli('check', examplePath('composite-function'), '-o', join(tmp, 'x.json')).status).toBe(2);
    const r = runCli('train', examplePath('linear-regression-module'), '--epochs', '1', '-o', join(tmp, 'no-such-dir', 'x.json'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot write ${join(tmp, 'no-such-dir', 'x.json')}`);
  });
});

describe('npm run cli -- eval --validation and check', () => {
  it('eval --validation binds the inputs to blobs_test (20 rows) instead of blobs (80 rows)', () => {
    expect(runCli('eval', examplePath('binary-classification')).lines[0]).toMatch(/^X \[80, 2\] /);
    const r = runCli('eval', examplePath('binary-classification'), '--validation');
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(readFileSync(examplePath('binary-classification'), 'utf8')).datasets.blobs_test.rows as number[][];
    expect(r.lines[0]).toBe(`X [20, 2] ${rows.flatMap((row) => row.slice(0, 2)).join(' ')}`);
  });

  it('--csv blobs_test=test.csv binds the validation split from its own CSV file: the same log as the split inside the file', () => {
    const doc = JSON.parse(readFileSync(examplePath('binary-classification'), 'utf8'));
    const csv = join(tmp, 'blobs_test.csv');
    writeFileSync(csv, [doc.datasets.blobs_test.columns.join(','), ...doc.datasets.blobs_test.rows.map((r: number[]) => r.join(','))].join('\n'));
    const path = variant('binary-classification', (d) => delete d.datasets.blobs_test, 'no-split');
    expect(runCli('train', path, '--epochs', '30').lines[0]).toBe('epoch,loss,acc');
    const bound = runCli('train', path, '--epochs', '30', '--csv', `blobs_test=${csv}`);
    expect(bound.status, bound.stderr).toBe(0);
    expect(bound.stdout).toBe(runCli('train', examplePath('binary-classification'), '--epochs', '30').stdout);
  });

  it('eval --validation on a file without a split → exit 1 saying how to name one', () => {
    const r = runCli('eval', examplePath('linear-regression-module'), '--validation');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--validation: no dataset the inputs read has a validation split (a dataset NAME_test beside dataset NAME)');
  });

  it('check names the split it validates on, and refuses a split that lacks a column the inputs read', () => {
    expect(runCli('check', examplePath('binary-classification')).stdout).toBe('ok: 5 nodes, 4 edges, loss loss, validation on blobs_test\n');
    const path = variant('binary-classification', (doc) => (doc.datasets.blobs_test = { columns: ['x1', 'label'], rows: [[0.5, 1]] }), 'bad-split');
    const r = runCli('check', path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("the validation data (blobs_test) does not fit the graph: X: dataset 'blobs_test' has no column 'x2'");
    expect(runCli('train', path).status).toBe(1);
  });
});
