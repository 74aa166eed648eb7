import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPytorch } from '../codegen/pytorch';
import { fileToGraph } from '../format/convert';
import { loadGraphFile } from '../format/load';
import { serializeGraphFile } from '../format/save';
import { runCli, sharedDataPath } from '../testing/cliProcess';
import { COURSE_RUNS, courseFile, courseReferenceScript } from '../testing/courseRuns';
import { assertTorch, runPythonScripts } from '../testing/debianPython';

// The course's classification chapters, built from the shared iris CSVs as a learner would from
// docs/graph-format.md (train rows → dataset iris, test rows → its split iris_test), run with
// `npm run cli -- train`, and compared line by line with the course's own loop in PyTorch
// float64 and with GradCanvas's export of the same file: loss, acc, val_loss and val_acc of
// every 10th epoch, to 1e-9 relative.

const tmp = mkdtempSync(join(tmpdir(), 'gradcanvas-course-'));

/** The worst |a − b| / max(|a|, |b|) over the numbers of two logs of the same shape; throws on any other difference. */
function worstRelative(got: readonly string[], want: readonly string[], what: string): number {
  expect(got.length, what).toBe(want.length);
  let worst = 0;
  got.forEach((line, i) => {
    const [a, b] = [line.split(','), want[i].split(',')];
    expect(a.length, `${what}, line ${i + 1}`).toBe(b.length);
    if (i === 0) return expect(line, what).toBe(want[0]);
    a.forEach((cell, j) => {
      const [x, y] = [Number(cell), Number(b[j])];
      const rel = x === y ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
      expect(rel, `${what}, line ${i + 1}, column ${j + 1}: ${cell} vs ${b[j]}`).toBeLessThanOrEqual(1e-9);
      worst = Math.max(worst, rel);
    });
  });
  return worst;
}

/** The log lines of a train run or a script: the header and the epoch lines, not the parameters. */
const logLines = (stdout: string) => stdout.trimEnd().split('\n').filter((l) => l.startsWith('epoch,') || /^\d+,/.test(l));

describe('the course\'s classification chapters', () => {
  beforeAll(() => assertTorch());

  it('chapters 6, 7 and 7.12 from the iris CSVs: the CLI\'s loss, acc, val_loss, val_acc equal PyTorch float64\'s (the course\'s loop) to 1e-9, and so does the export', async () => {
    const runs = COURSE_RUNS.map((run, k) => {
      const csvPath = sharedDataPath(run.csv);
      const file = courseFile(run, readFileSync(csvPath, 'utf8'));
      const graphPath = join(tmp, `course${k}.json`);
      const text = serializeGraphFile(file);
      expect(loadGraphFile(text).ok, run.name).toBe(true);
      writeFileSync(graphPath, text);
      const reference = join(tmp, `reference${k}.py`);
      writeFileSync(reference, courseReferenceScript(run, csvPath));
      const exported = join(tmp, `export${k}.py`);
      writeFileSync(exported, exportPytorch(fileToGraph(file), file.training, { title: run.name }).code);
      const cli = runCli('train', graphPath);
      expect(cli.status, cli.stderr).toBe(0);
      return { run, cli: logLines(cli.stdout), reference, exported };
    });
    const results = await runPythonScripts(runs.flatMap((r) => [r.reference, r.exported]));
    const report: string[] = [];
    runs.forEach((r, k) => {
      const [reference, exported] = [results[2 * k], results[2 * k + 1]];
      expect(reference.status, reference.stderr).toBe(0);
      expect(exported.status, exported.stderr).toBe(0);
      const want = logLines(reference.stdout);
      expect(want).toHaveLength(1 + 1000 + 1);
      const cliError = worstRelative(r.cli, want, `${r.run.name}: CLI vs PyTorch`);
      const exportError = worstRelative(logLines(exported.stdout), want, `${r.run.name}: export vs PyTorch`);
      report.push(`${r.run.name}: ${r.cli.length - 1} lines, worst relative error CLI ${cliError.toExponential(2)}, export ${exportError.toExponential(2)}\n  ${r.cli.slice(0, 3).join('\n  ')}\n  …\n  ${r.cli.at(-1)}`);
    });
    console.log(`The course's logs reproduced (PyTorch float64 is the reference):\n${report.join('\n')}`);
  }, 120_000);

  it('the same chapters in float32 (the document\'s dtype, as the course runs them): every line of the CLI\'s log and the export\'s equals PyTorch float32\'s, and chapter 6 starts at 4.77289', async () => {
    const runs = COURSE_RUNS.map((run, k) => {
      const csvPath = sharedDataPath(run.csv);
      const file = { ...courseFile(run, readFileSync(csvPath, 'utf8')), dtype: 'float32' as const };
      const graphPath = join(tmp, `course32-${k}.json`);
      writeFileSync(graphPath, serializeGraphFile(file));
      const reference = join(tmp, `reference32-${k}.py`);
      writeFileSync(reference, courseReferenceScript(run, csvPath, 'float32'));
      const exported = join(tmp, `export32-${k}.py`);
      writeFileSync(exported, exportPytorch(fileToGraph(file), file.training, { title: run.name }).code);
      const cli = runCli('train', graphPath);
      expect(cli.status, cli.stderr).toBe(0);
      return { run, cli: logLines(cli.stdout), reference, exported };
    });
    const results = await runPythonScripts(runs.flatMap((r) => [r.reference, r.exported]));
    runs.forEach((r, k) => {
      const [reference, exported] = [results[2 * k], results[2 * k + 1]];
      expect(reference.status, reference.stderr).toBe(0);
      expect(exported.status, exported.stderr).toBe(0);
      const want = logLines(reference.stdout);
      expect(want).toHaveLength(1 + 1000 + 1);
      // Bit for bit: a relative error of 0 on every number of every line.
      expect(worstRelative(r.cli, want, `${r.run.name}: CLI vs PyTorch float32`)).toBe(0);
      expect(worstRelative(logLines(exported.stdout), want, `${r.run.name}: export vs PyTorch float32`)).toBe(0);
    });
    const epoch0 = runs[0].cli[1].split(',');
    expect(epoch0[0]).toBe('0');
    expect(Number(epoch0[1]).toPrecision(6)).toBe('4.77289');
    console.log(`float32: chapter 6 epoch 0 ${runs[0].cli[1]}; all three chapters' 1,001 log lines equal PyTorch float32's`);
  }, 180_000);
});
