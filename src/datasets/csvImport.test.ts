import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_CSV_ROWS, openGraphText, RESERVED_NAMES, serializeGraphFile } from '../../engine';
import { MESSAGES } from '../i18n/testMessages';
import { translate } from '../i18n/useT';
import { emptyDocument } from '../store/edits';
import { bindDataset } from './bind';
import { datasetName, importCsvText, MAX_DATASET_NAME_CHARS } from './csvImport';

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
    if (!r.ok) expect(r.messages.map((m) => (typeof m === 'string' ? m : translate('en', m.key, m.vars))).join('\n')).toMatch(message);
  });

  it('datasetName(my data.csv) is my_data', () => {
    expect(datasetName('my data.csv')).toBe('my_data');
  });

  it.each([...RESERVED_NAMES])('importCsvText(%s.csv) is refused with a message in both languages, as the file loader refuses the name', (name) => {
    const r = importCsvText(`${name}.csv`, 'a,b\n1,2\n');
    expect(r).toEqual({ ok: false, messages: [{ key: 'datasets.err.reservedName', vars: { name } }] });
    expect(MESSAGES['datasets.err.reservedName']).toBeDefined();
    expect(translate('en', 'datasets.err.reservedName', { name })).toContain(`“${name}”`);
    expect(translate('ja', 'datasets.err.reservedName', { name })).toContain(`「${name}」`);
  });

  it('importCsvText(toString.csv) is accepted: only the reserved names are refused', () => {
    expect(importCsvText('toString.csv', 'a,b\n1,2\n').ok).toBe(true);
  });

  it('importCsvText(a 300-character file name) binds into a document the loader reopens, test split included', () => {
    const r = importCsvText(`${'a'.repeat(300)}.csv`, 'a,b\n1,2\n3,4\n');
    if (!r.ok) throw new Error(String(r.messages));
    expect(r.name).toHaveLength(MAX_DATASET_NAME_CHARS);
    const doc = emptyDocument();
    bindDataset(doc, { name: r.name, train: r.dataset, test: { columns: r.dataset.columns, rows: [[5, 6]] }, roles: r.roles });
    const opened = openGraphText(serializeGraphFile(doc));
    expect(opened.ok ? Object.keys(opened.file.datasets).sort() : opened.errors).toEqual([r.name, `${r.name}_test`]);
  });
});
