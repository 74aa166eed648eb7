import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphFile } from '../../engine';
import { emptyDocument } from '../store/edits';
import { documentDatasets } from './documentDatasets';

const example = (name: string) => JSON.parse(readFileSync(`public/examples/${name}.json`, 'utf8')) as GraphFile;

describe('documentDatasets', () => {
  it('lists the height/weight example’s own dataset with its columns, the inputs reading it and the roles they play', () => {
    const [people, ...rest] = documentDatasets(example('linear-regression-module'));
    expect(rest).toEqual([]);
    expect(people.name).toBe('people');
    expect(people.dataset.columns).toEqual(['height_cm', 'weight_kg']);
    expect(people.readers).toEqual([
      { node: 'height', columns: ['height_cm'] },
      { node: 'weight', columns: ['weight_kg'] },
    ]);
    expect(people.roles).toEqual({ height_cm: 'feature', weight_kg: 'target' });
    expect(people.hasTest).toBe(false);
  });

  it('lists a test split with its training part, not as a dataset of its own', () => {
    const list = documentDatasets(example('binary-classification'));
    expect(list.map((d) => [d.name, d.hasTest])).toEqual([['blobs', true]]);
  });

  it('an empty graph has none', () => {
    expect(documentDatasets(emptyDocument())).toEqual([]);
  });
});
