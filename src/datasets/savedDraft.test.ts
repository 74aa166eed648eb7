import { describe, expect, it } from 'vitest';
import type { DatasetsState } from '../session/types';
import { emptyDocument } from '../store/edits';
import { decodeSession, encodeSession } from '../store/persistence';
import { readDatasets, saveDatasets } from './savedDraft';

const panel: DatasetsState = {
  draft: { name: 'people', dataset: { columns: ['h', '__proto__'], rows: [[1, 2], [3, 4]] }, roles: Object.fromEntries([['h', 'feature'], ['__proto__', 'target']]), textColumns: ['split'] },
  errors: null,
  split: { enabled: true, testFraction: 0.25, seed: 7 },
  scaling: 'standardise',
};

describe('savedDraft', () => {
  it('readDatasets(saveDatasets(panel)) → the same panel, a column named __proto__ kept as an own role', () => {
    const back = readDatasets(JSON.parse(JSON.stringify(saveDatasets(panel))));
    expect(back).toEqual(panel);
    expect(Object.hasOwn(back?.draft?.roles ?? {}, '__proto__')).toBe(true);
  });

  it('readDatasets(rows that do not fit the columns, or not a panel at all) → null', () => {
    const ragged = saveDatasets({ ...panel, draft: { ...panel.draft!, dataset: { columns: ['h', 'w'], rows: [[1]] } } });
    expect(readDatasets(JSON.parse(JSON.stringify(ragged)))).toBeNull();
    expect(readDatasets({ draft: 'x' })).toBeNull();
  });

  it('encodeSession(doc with the panel) → decodeSession gives the panel back beside the document', () => {
    const r = decodeSession(encodeSession({ doc: emptyDocument(), selection: [], viewport: null, datasets: panel }));
    expect(r.ok && r.session.datasets).toEqual(panel);
    const old = decodeSession(encodeSession({ doc: emptyDocument(), selection: [], viewport: null }));
    expect(old.ok && old.session.datasets).toBeUndefined();
  });
});
