import { describe, expect, it } from 'vitest';
import { openGraphText, serializeGraphFile } from '../../engine';
import { linearDoc } from '../plots/testGraphs';
import { openPageText } from '../store/persistence';
import { fileErrorLines } from './problemText';

/** What the page says about a file it refuses, in both languages. */
function refused(text: string) {
  const r = openPageText(text);
  if (r.ok) throw new Error('the file should be refused');
  return { en: fileErrorLines('en', r.errors), ja: fileErrorLines('ja', r.errors), cli: openGraphText(text) };
}

describe('a file’s structure, size and saved-state findings', () => {
  it('a saved optimizer state of the wrong length reads in Japanese, with nothing left in English for the folded detail', () => {
    const doc = { ...linearDoc(), optimizerState: [{ node: 'linear', name: 'weight', momentumBuffer: [1, 2, 3] }] };
    const { en, ja, cli } = refused(serializeGraphFile(doc as never));
    expect(en.details).toEqual(['optimizerState[0].momentumBuffer: has 3 values but linear.weight has 1 element']);
    expect(!cli.ok && cli.errors[0].message).toBe('has 3 values but linear.weight has 1 element');
    expect(ja.details).toEqual(['「optimizerState[0].momentumBuffer」：値が 3 個ありますが、linear.weight の要素は 1 個です']);
    expect(ja.technical).toBeUndefined();
  });

  it('a reserved name and a tensor whose data does not fill its shape read in Japanese', () => {
    const reserved = refused(JSON.stringify({ ...linearDoc(), datasets: { constructor: { columns: ['x'], rows: [[1]] } } }));
    expect(reserved.ja.details[0]).toBe('「datasets.constructor」：「constructor」は GradCanvas のファイルでは予約された名前です（JavaScript で特別な意味を持ちます）。別の名前にしてください');
    const doc = linearDoc();
    const short = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'linear' ? { ...n, params: { ...n.params, weight: { shape: [1, 1], data: [] } } } : n)) };
    const shape = refused(JSON.stringify(short));
    expect(shape.en.details).toEqual(['nodes[2].params.weight.data: shape [1, 1] needs 1 values, got 0']);
    expect(shape.ja.details).toEqual(['「nodes[2].params.weight.data」：形状 [1, 1] には値が 1 個必要ですが、0 個あります']);
    expect(shape.ja.technical).toBeUndefined();
  });
});
