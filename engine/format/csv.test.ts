import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCsvError, MAX_CSV_ROWS, parseCsv } from './csv';

const shared = (name: string) => readFileSync(new URL(`../../../shared/data/${name}`, import.meta.url), 'utf8');
const errorsOf = (text: string) => {
  const r = parseCsv(text);
  return r.ok ? [] : r.errors.map(formatCsvError);
};

describe('parseCsv', () => {
  it('parseCsv(boston_rm_price.csv) gives 506 rows of RM and PRICE', () => {
    const r = parseCsv(shared('boston_rm_price.csv'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dataset.columns).toEqual(['RM', 'PRICE']);
    expect(r.dataset.rows).toHaveLength(506);
    expect(r.dataset.rows[0]).toEqual([6.575, 24]);
  });

  it('parseCsv(boston_full.csv) reads the quoted CHAS column as numbers', () => {
    const r = parseCsv(shared('boston_full.csv'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dataset.columns).toHaveLength(14);
    const chas = r.dataset.columns.indexOf('CHAS');
    expect(new Set(r.dataset.rows.map((row) => row[chas]))).toEqual(new Set([0, 1]));
  });

  it.each(['ch03_height_weight.csv', 'parabola_seed123.csv', 'iris_sklearn_150.csv', 'iris_ch07_multiclass_split.csv', 'boston_rm_lstat_price.csv'])(
    'parseCsv(%s) succeeds with every cell a finite number',
    (name) => {
      const r = parseCsv(shared(name));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.dataset.rows.flat().every(Number.isFinite)).toBe(true);
    },
  );

  it('parseCsv(iris_ch07_multiclass_split.csv) leaves the text column split out and says so', () => {
    const r = parseCsv(shared('iris_ch07_multiclass_split.csv'));
    expect(r.ok && r.textColumns).toEqual(['split']);
    expect(r.ok && r.dataset.columns[0]).toBe('order');
  });

  it('a ragged row names its line', () => {
    expect(errorsOf('a,b\n1,2\n3\n4,5\n')).toEqual(['line 3: has 1 cells but the header has 2 columns']);
  });

  it('a non-numeric cell names its line and column', () => {
    expect(errorsOf('RM,PRICE\n6.5,24\n6.1,abc\n')).toEqual(["line 3, column PRICE: 'abc' is not a number"]);
    expect(errorsOf('RM,PRICE\n6.5,24\n,25\n')).toEqual(['line 3, column RM: the cell is empty']);
  });

  it('an empty file, a file with no header and a header without rows are refused', () => {
    expect(errorsOf('')).toEqual(['line 1: the file is empty']);
    expect(errorsOf('1,2\n3,4\n')[0]).toMatch(/^line 1: the first line must be a header/);
    expect(errorsOf('a,b\n')).toEqual(['line 2: there are no data rows after the header']);
  });

  it('a million rows are refused with a message, not parsed into memory', () => {
    const text = `x\n${'1\n'.repeat(1_000_000)}`;
    expect(errorsOf(text)).toEqual([`line ${MAX_CSV_ROWS + 2}: the file has 1000000 rows; GradCanvas takes up to ${MAX_CSV_ROWS}`]);
  });
});
