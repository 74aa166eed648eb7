import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../store/edits';
import { bindDataset, bindProblem } from './bind';

const train = { columns: ['RM', 'LSTAT', 'PRICE'], rows: [[6, 5, 24], [7, 4, 30]] };

describe('bindDataset', () => {
  it('bindDataset(doc, features RM, LSTAT and target PRICE) adds the dataset and inputs X [N,2] and Y [N,1]', () => {
    const doc = emptyDocument();
    const bound = bindDataset(doc, { name: 'boston', train, test: null, roles: { RM: 'feature', LSTAT: 'feature', PRICE: 'target' } });
    expect(bound).toEqual([
      { id: 'X', role: 'feature', columns: ['RM', 'LSTAT'], created: true },
      { id: 'Y', role: 'target', columns: ['PRICE'], created: true },
    ]);
    expect(doc.datasets.boston.rows).toEqual(train.rows);
    expect(doc.nodes.find((n) => n.id === 'X')?.value).toEqual({ type: 'columns', dataset: 'boston', columns: ['RM', 'LSTAT'] });
    expect(doc.nodes.find((n) => n.id === 'Y')?.value).toEqual({ type: 'columns', dataset: 'boston', columns: ['PRICE'] });
  });

  it('bindDataset twice rebinds X instead of adding another input, and drops a stale test split', () => {
    const doc = emptyDocument();
    bindDataset(doc, { name: 'b', train, test: train, roles: { RM: 'feature', PRICE: 'target' } });
    expect(doc.datasets.b_test).toBeDefined();
    bindDataset(doc, { name: 'b', train, test: null, roles: { LSTAT: 'feature', PRICE: 'unused' } });
    expect(doc.nodes.map((n) => n.id)).toEqual(['X', 'Y']);
    expect(doc.nodes[0].value).toEqual({ type: 'columns', dataset: 'b', columns: ['LSTAT'] });
    expect(doc.datasets.b_test).toBeUndefined();
  });

  it('bindDataset binds a class label column as a vector input', () => {
    const doc = emptyDocument();
    bindDataset(doc, { name: 'blobs', train: { columns: ['x', 'k'], rows: [[1, 0]] }, test: null, roles: { x: 'feature', k: 'label' } });
    expect(doc.nodes.find((n) => n.id === 'labels')?.value).toEqual({ type: 'columns', dataset: 'blobs', columns: ['k'], vector: true });
  });

  it('bindProblem without a feature column is no_feature', () => {
    expect(bindProblem({ name: 'b', train, test: null, roles: { PRICE: 'target' } })).toBe('no_feature');
  });
});
