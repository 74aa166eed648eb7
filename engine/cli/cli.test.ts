import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/cliProcess';
import { MAX_FILE_CHARS, PAGE_MAX_NODES } from '../limits';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = (name: string) => join(root, 'public/examples', `${name}.json`);
const shared = (name: string) => fileURLToPath(new URL(`../../../shared/data/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'gradcanvas-cli-'));

/** Runs the real command, `npm run cli -- …` without npm's banner. */
const cli = runCli;

/** A linear(1,1) + mse graph reading dataset `boston` (columns RM, PRICE), bound from a CSV with --csv. */
function bostonGraph(lr: number, inputs: string[]): string {
  const file = JSON.parse(readFileSync(example('linear-regression-module'), 'utf8'));
  file.nodes = [
    { id: 'X', op: 'input', position: { x: 0, y: 0 }, value: { type: 'columns', dataset: 'boston', columns: inputs } },
    { id: 'Y', op: 'input', position: { x: 0, y: 200 }, value: { type: 'columns', dataset: 'boston', columns: ['PRICE'] } },
    { id: 'linear', op: 'linear', position: { x: 200, y: 100 }, attrs: { inFeatures: inputs.length, outFeatures: 1 }, init: { type: 'constant', value: 1 } },
    { id: 'loss', op: 'mse', position: { x: 400, y: 100 } },
  ];
  file.edges = [
    { source: 'X', target: 'linear', targetPort: 'x' },
    { source: 'linear', target: 'loss', targetPort: 'input' },
    { source: 'Y', target: 'loss', targetPort: 'target' },
  ];
  file.datasets = {};
  file.training = { optimizer: { type: 'sgd', lr }, epochs: 100, batchSize: null, seed: 0 };
  const path = join(tmp, `boston-${inputs.join('-')}-${lr}.json`);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

describe('npm run cli', () => {
  it('check FILE prints ok and exits 0 for a valid graph', () => {
    const r = cli('check', example('composite-function'));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('ok: 5 nodes, 4 edges, loss z\n');
  });

  it('check FILE with no loss marked names the loss the rule chose (the single scalar output z)', () => {
    const doc = JSON.parse(readFileSync(example('composite-function'), 'utf8'));
    doc.loss = null;
    const path = join(tmp, 'unmarked.json');
    writeFileSync(path, JSON.stringify(doc));
    const r = cli('check', path);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('ok: 5 nodes, 4 edges, loss z (the only candidate)\n');
  });

  it('check FILE exits 1 and lists each error with its JSON path', () => {
    const doc = JSON.parse(readFileSync(example('composite-function'), 'utf8'));
    doc.nodes[1].op = 'sqaure';
    doc.edges[0].source = 'ghost';
    const path = join(tmp, 'broken.json');
    writeFileSync(path, JSON.stringify(doc));
    const r = cli('check', path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("nodes[1].op: unknown op 'sqaure'");
    expect(r.stdout).toBe('');
  });

  it('eval FILE prints each node value; grad FILE prints x.grad = 4x', () => {
    const e = cli('eval', example('composite-function'));
    expect(e.status).toBe(0);
    expect(e.lines[0]).toBe('x [17] -2 -1.75 -1.5 -1.25 -1 -0.75 -0.5 -0.25 0 0.25 0.5 0.75 1 1.25 1.5 1.75 2');
    expect(e.lines.at(-1)).toBe('z [] 85');
    const g = cli('grad', example('composite-function'));
    expect(g.lines).toEqual(['x.grad [17] -8 -7 -6 -5 -4 -3 -2 -1 0 1 2 3 4 5 6 7 8']);
  });

  it('train FILE --epochs --log-every prints epoch,loss lines and the final parameters', () => {
    const r = cli('train', example('linear-regression-module'), '--epochs', '500', '--log-every', '250');
    expect(r.status).toBe(0);
    // The course's numbers (also checked against PyTorch in codegen/pytorch.test.ts).
    expect(r.lines).toHaveLength(6);
    expect(r.lines.slice(0, 2)).toEqual(['epoch,loss', '0,13.352000000000015']);
    expect(r.lines[2]).toMatch(/^250,4\.9\d+$/);
    expect(r.lines.slice(3)).toEqual(['499,4.674640888925689', 'linear.weight [1, 1] 1.8206830936528573', 'linear.bias [1] 0.36751125485715713']);
  });

  it('train with --csv binds a CSV file as a dataset (Boston RM → PRICE, lr 0.01)', () => {
    const r = cli('train', bostonGraph(0.01, ['RM']), '--csv', `boston=${shared('boston_rm_price.csv')}`, '--log-every', '50');
    expect(r.status, r.stderr).toBe(0);
    const losses = r.lines.slice(1, 4).map((l) => Number(l.split(',')[1]));
    expect(losses[2]).toBeLessThan(losses[0]);
  });

  it('train exits 1 and suggests a smaller learning rate when the loss diverges (RM and LSTAT at lr 0.1)', () => {
    const r = cli('train', bostonGraph(0.1, ['RM', 'LSTAT']), '--csv', `boston=${shared('boston_rm_lstat_price.csv')}`);
    expect(r.status).toBe(1);
    // The divergence rule stops it at epoch 3 (the loss past 1e6 × the first); it used to run to inf at epoch 91.
    expect(r.stderr).toMatch(/^Training stopped at epoch 3: the loss \S+ grew past 1,000,000 × the first loss \(224\)\. .* Try a smaller learning rate \(now 0\.1\)\.\n$/);
  });

  it('a malformed CSV exits 1 naming the line and column', () => {
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'RM,PRICE\n6.5,24\n6.1,abc\n');
    const r = cli('train', bostonGraph(0.01, ['RM']), '--csv', `boston=${bad}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("line 3, column PRICE: 'abc' is not a number");
  });

  it('export-pytorch FILE -o writes the script', () => {
    const out = join(tmp, 'model.py');
    const r = cli('export-pytorch', example('linear-regression-module'), '-o', out);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('self.linear = nn.Linear(1, 1)');
  });

  it('a usage error exits 2 and prints the usage', () => {
    const r = cli('train', example('composite-function'), '--lr', 'fast');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--lr must be a positive number, got 'fast'");
    expect(r.stderr).toContain('usage: npm run cli');
    expect(cli('frobnicate', example('composite-function')).status).toBe(2);
  });
});

/** The book's Boston RM+LSTAT run: linear(2,1) with weight and bias 1, loss MSE/2 (mse → scale 0.5), SGD. */
function bostonHalfMse(lr: number, divergenceFactor?: number | null): string {
  const file = JSON.parse(readFileSync(bostonGraph(lr, ['RM', 'LSTAT']), 'utf8'));
  file.nodes.push({ id: 'half', op: 'scale', position: { x: 600, y: 100 }, attrs: { k: 0.5 } });
  file.edges.push({ source: 'loss', target: 'half', targetPort: 'x' });
  file.loss = 'half';
  file.training = { ...file.training, epochs: 5000, ...(divergenceFactor === undefined ? {} : { divergenceFactor }) };
  const path = join(tmp, `boston-half-${lr}-${String(divergenceFactor)}.json`);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

/** The epoch,loss lines of a train run as numbers, and the parameter lines' numbers. */
function trainOutput(lines: string[]) {
  const log = lines.filter((l) => /^\d+,/.test(l)).map((l) => l.split(',').map(Number));
  const params = lines.filter((l) => l.startsWith('linear.')).map((l) => l.split('] ')[1].split(' ').map(Number));
  return { log, params };
}

const bostonCsv = () => `boston=${shared('boston_rm_lstat_price.csv')}`;

describe('npm run cli -- train: the divergence rule', () => {
  it('the book’s MSE/2 run at lr 0.01 → stops at epoch 25 (loss past 1e6 × the first), exits 1, prints epoch 24’s finite parameters', () => {
    const r = cli('train', bostonHalfMse(0.01), '--csv', bostonCsv());
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "Training stopped at epoch 25: the loss 1.54e8 grew past 1,000,000 × the first loss (112). The parameters are back to epoch 24's values. Try a smaller learning rate (now 0.01).\n",
    );
    const { log, params } = trainOutput(r.lines);
    expect(log.map(([e]) => e)).toEqual(Array.from({ length: 26 }, (_, i) => i));
    expect(log[25][1]).toBeGreaterThan(1e6 * log[0][1]);
    expect(params.flat().every(Number.isFinite)).toBe(true);
    // The same run stopped after 24 epochs ends on the same parameters.
    const ref = cli('train', bostonHalfMse(0.01), '--csv', bostonCsv(), '--epochs', '24');
    expect(ref.status).toBe(0);
    expect(params).toEqual(trainOutput(ref.lines).params);
  });

  it('--log-every still logs the epoch that stopped the run', () => {
    const r = cli('train', bostonHalfMse(0.01), '--csv', bostonCsv(), '--log-every', '10');
    expect(r.status).toBe(1);
    expect(trainOutput(r.lines).log.map(([e]) => e)).toEqual([0, 10, 20, 25]);
  });

  it('divergenceFactor null → only inf stops it: 1e30 passed at epoch 99, stopped at 1021, parameters still finite', () => {
    const r = cli('train', bostonHalfMse(0.01, null), '--csv', bostonCsv());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Training stopped at epoch 1021: the loss became inf \(it first appeared at \w+\)\. The parameters are back to epoch 1020's values\./);
    const { log, params } = trainOutput(r.lines);
    expect(log.findIndex(([, loss]) => loss > 1e30)).toBe(99);
    expect(log).toHaveLength(1022);
    expect(params.flat().every(Number.isFinite)).toBe(true);
  });

  it('--divergence-factor off over the default → only inf stops it, as divergenceFactor null does (epoch 1021)', () => {
    const r = cli('train', bostonHalfMse(0.01), '--csv', bostonCsv(), '--divergence-factor', 'off');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Training stopped at epoch 1021: the loss became inf /);
    expect(r.stdout).toBe(cli('train', bostonHalfMse(0.01, null), '--csv', bostonCsv()).stdout);
  });

  it('--divergence-factor 10 → stops at the first epoch whose loss passes 10 × the first, and says 10', () => {
    const off = trainOutput(cli('train', bostonHalfMse(0.01), '--csv', bostonCsv(), '--divergence-factor', 'off').lines).log;
    const k = off.findIndex(([, loss]) => loss > 10 * off[0][1]);
    expect(k).toBeGreaterThan(0);
    const r = cli('train', bostonHalfMse(0.01), '--csv', bostonCsv(), '--divergence-factor', '10');
    expect(r.status).toBe(1);
    expect(trainOutput(r.lines).log).toEqual(off.slice(0, k + 1));
    expect(r.stderr).toMatch(new RegExp(`^Training stopped at epoch ${k}: the loss \\S+ grew past 10 × the first loss \\(112\\)\\. The parameters are back to epoch ${k - 1}'s values\\.`));
  });

  it('--divergence-factor 1e6 over a file with divergenceFactor null → the growth rule is back: stops at epoch 25', () => {
    const r = cli('train', bostonHalfMse(0.01, null), '--csv', bostonCsv(), '--divergence-factor', '1e6');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^Training stopped at epoch 25: the loss 1\.54e8 grew past 1,000,000 × the first loss \(112\)\./);
  });

  it('--divergence-factor 1 or abc → usage error, exit 2, naming the value', () => {
    for (const v of ['1', 'abc']) {
      const r = cli('train', bostonHalfMse(0.01), '--csv', bostonCsv(), '--divergence-factor', v);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`--divergence-factor must be a number above 1, 'off' or 'never', got '${v}'`);
      expect(r.stdout).toBe('');
    }
  });

  it('export-pytorch --divergence-factor 10 / off → the script\'s divergence_factor is 10 / None', () => {
    expect(cli('export-pytorch', bostonHalfMse(0.01), '--csv', bostonCsv(), '--divergence-factor', '10').stdout).toContain('\ndivergence_factor = 10\n');
    expect(cli('export-pytorch', bostonHalfMse(0.01), '--csv', bostonCsv(), '--divergence-factor', 'off').stdout).toContain('\ndivergence_factor = None  # the growth rule is off: only inf and nan stop training\n');
  });

  it('a run that does not diverge → exits 0 as before (MSE/2 at lr 0.001)', () => {
    const r = cli('train', bostonHalfMse(0.001), '--csv', bostonCsv(), '--epochs', '200', '--log-every', '100');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('check FILE with a byte order mark reads like the page does: ok', () => {
    const path = join(tmp, 'bom.json');
    writeFileSync(path, `\uFEFF${readFileSync(example('composite-function'), 'utf8')}`);
    const r = cli('check', path);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('ok: 5 nodes, 4 edges, loss z\n');
  });

  it('--csv reads a CSV file with a byte order mark', () => {
    const csv = join(tmp, 'bom.csv');
    writeFileSync(csv, `\uFEFF${readFileSync(shared('boston_rm_price.csv'), 'utf8')}`);
    const r = cli('check', bostonGraph(0.01, ['RM']), '--csv', `boston=${csv}`);
    expect(r.status, r.stderr).toBe(0);
  });

  it('check FILE over the size limit exits 1 naming the limit', () => {
    const path = join(tmp, 'huge.json');
    writeFileSync(path, ' '.repeat(MAX_FILE_CHARS + 1));
    const r = cli('check', path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the file has 67,108,865 characters, which exceeds the limit of 67,108,864 characters');
  });

  it('check FILE takes more nodes than the page opens (a 20,000-node chain), up to MAX_NODES', () => {
    const doc = JSON.parse(readFileSync(example('composite-function'), 'utf8'));
    const n = 2 * PAGE_MAX_NODES;
    doc.nodes = [doc.nodes[0], ...Array.from({ length: n - 1 }, (_, k) => ({ id: `n${k}`, op: 'neg', position: { x: k, y: 0 } }))];
    doc.edges = doc.nodes.slice(1).map((node: { id: string }, k: number) => ({ source: doc.nodes[k].id, target: node.id, targetPort: 'x' }));
    doc.loss = null;
    const path = join(tmp, 'chain.json');
    writeFileSync(path, JSON.stringify(doc));
    const r = cli('check', path);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(`ok: ${n} nodes, ${n - 1} edges, no loss\n`);
  });

  it('check FILE with an arange of 10⁹ elements exits 1 naming the node and the limit', () => {
    const doc = JSON.parse(readFileSync(example('composite-function'), 'utf8'));
    doc.nodes[0].value = { type: 'arange', start: 0, end: 1, step: 1e-9 };
    const path = join(tmp, 'arange.json');
    writeFileSync(path, JSON.stringify(doc));
    const r = cli('check', path);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nodes[0].value: x: arange(0, 1, 1e-9) would have 1,000,000,000 elements, which exceeds the limit of 4,000,000 elements');
  });

  it('--csv with a reserved dataset name is a usage error', () => {
    const r = cli('check', example('composite-function'), '--csv', '__proto__=data.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--csv: '__proto__' cannot name a dataset");
  });
});

