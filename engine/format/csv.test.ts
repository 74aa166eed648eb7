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
    expect(errorsOf(text)).toEqual([`line ${MAX_CSV_ROWS + 2}: the file has 1,000,000 rows; GradCanvas takes up to 100,000`]);
  });

  it('line numbers count blank lines and multi-line quoted fields as the file has them', () => {
    expect(errorsOf('a,b\n\n1,2\n\n3,x\n')).toEqual(["line 5, column b: 'x' is not a number"]);
    expect(errorsOf('a,note,b\n1,"two\nlines",2\n\n3,"ok",y\n')).toEqual(["line 5, column b: 'y' is not a number"]);
    expect(errorsOf('a,b\r\n\r\n1,2\r\n3,x\r\n')).toEqual(["line 4, column b: 'x' is not a number"]);
    expect(errorsOf('\n\na,b\n1\n')).toEqual(['line 4: has 1 cells but the header has 2 columns']);
  });

  it.each(['0x10', '0b11', '0o7', 'Infinity', '-Infinity', '1_000', 'NaN', '1e999', '1.2.3', '+-1', 'e5'])('the cell %s is not a number', (cell) => {
    expect(errorsOf(`a,b\n1,2\n3,${cell}\n`)).toEqual([`line 3, column b: '${cell}' is not a number`]);
  });

  it.each([['-1.5e3', -1500], ['.5', 0.5], ['7.', 7], ['+2', 2], [' 12 ', 12], ['\t3E-2', 0.03], ['"4"', 4]])('the cell %s reads as %d (spaces around a number are ignored)', (cell, value) => {
    const r = parseCsv(`a,b\n1,${cell}\n`);
    expect(r.ok && r.dataset.rows[0][1]).toBe(value);
  });

  it('a decimal-comma column in a ;-separated file is reported, not dropped as text', () => {
    expect(errorsOf('x;y\n1;3,14\n2;2,72\n')).toEqual(["line 2, column y: looks like numbers with decimal commas ('3,14'); write them with a point ('3.14')"]);
    expect(errorsOf('x;y\n1;1.234,5\n')).toEqual(["line 2, column y: looks like numbers with decimal commas ('1.234,5'); write them with a point ('1234.5')"]);
  });

  it('a ;-separated file with decimal points reads normally, text columns still left out', () => {
    const r = parseCsv('x;y;split\n1;3.5;train\n2;4.5;test\n');
    expect(r.ok && r.dataset).toEqual({ columns: ['x', 'y'], rows: [[1, 3.5], [2, 4.5]] });
    expect(r.ok && r.textColumns).toEqual(['split']);
  });

  it('a byte order mark before the header is ignored', () => {
    const r = parseCsv('\uFEFFa,b\n1,2\n');
    expect(r.ok && r.dataset.columns).toEqual(['a', 'b']);
  });

  it('a long cell is echoed cut short; an overlong column name is refused', () => {
    const [e] = errorsOf(`a,b\n1,2\n1,${'z'.repeat(5000)}\n`);
    expect(e.length).toBeLessThan(100);
    expect(errorsOf(`${'n'.repeat(300)},b\n1,2\n`)[0]).toMatch(/^line 1: column 1's name has 300 characters; a name may have up to 200/);
  });

  it('rows × number columns over the tensor limit are refused before any cell is converted', () => {
    const header = Array.from({ length: 50 }, (_, j) => `c${j}`).join(',');
    const row = `${new Array(50).fill('1').join(',')}\n`;
    expect(errorsOf(`${header}\n${row.repeat(MAX_CSV_ROWS)}`)).toEqual(['line 2: 100,000 rows of 50 number columns are 5,000,000 elements, which exceeds the limit of 4,000,000 elements']);
  });
});
