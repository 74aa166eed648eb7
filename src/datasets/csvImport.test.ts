import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_CSV_ROWS } from '../../engine/format/csv';
import { datasetName, importCsvText } from './csvImport';

const shared = (name: string) => readFileSync(new URL(`../../../shared/data/${name}`, import.meta.url), 'utf8');

describe('importCsvText', () => {
  it('importCsvText(boston_rm_price.csv) reads 506 rows of RM and PRICE with PRICE as target', () => {
    const r = importCsvText('boston_rm_price.csv', shared('boston_rm_price.csv'));
    if (!r.ok) throw new Error(r.messages.join('\n'));
    expect(r.name).toBe('boston_rm_price');
    expect(r.dataset.columns).toEqual(['RM', 'PRICE']);
    expect(r.dataset.rows).toHaveLength(506);
    expect(r.roles).toEqual({ RM: 'feature', PRICE: 'target' });
  });

  it('importCsvText(iris split file) leaves the text split column out', () => {
    const r = importCsvText('iris.csv', shared('iris_ch06_binary_split.csv'));
    if (!r.ok) throw new Error(r.messages.join('\n'));
    expect(r.textColumns).toEqual(['split']);
    expect(r.dataset.columns).not.toContain('split');
  });

  it.each([
    ['ragged rows', 'a,b\n1,2\n3\n', /line 3/],
    ['a non-numeric cell', 'a,b\n1,2\n3,x\n', /line 3, column b: 'x' is not a number/],
    ['an empty file', '', /line 1: the file is empty/],
    ['no header', '1,2\n3,4\n', /line 1: the first line must be a header/],
    ['a million rows', `a\n${'1\n'.repeat(1_000_000)}`, new RegExp(`line ${MAX_CSV_ROWS + 2}`)],
  ])('importCsvText with %s names the line (and column)', (_, text, message) => {
    const r = importCsvText('bad.csv', text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.messages.join('\n')).toMatch(message);
  });

  it('datasetName(my data.csv) is my_data', () => {
    expect(datasetName('my data.csv')).toBe('my_data');
  });
});
