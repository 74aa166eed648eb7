import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/useT';
import { backwardTarget } from '../session/backwardTarget';
import { compile, fileToGraph } from '../../engine';
import { compositeDoc, linearDoc } from '../plots/testGraphs';
import { backwardFromLabel } from './backwardFromLabel';

const en = (key: string, vars?: Readonly<Record<string, string | number>>) => translate('en', key, vars);
const ja = (key: string, vars?: Readonly<Record<string, string | number>>) => translate('ja', key, vars);

function label(doc: ReturnType<typeof linearDoc>, t = en): string {
  const shapes = compile(fileToGraph(doc)).shapes;
  return backwardFromLabel(t, doc, backwardTarget(doc, null, shapes));
}

describe('backwardFromLabel', () => {
  it('calls an mse the engine chose automatically the loss, as the Train tab does', () => {
    const doc = { ...linearDoc(), loss: null };
    expect(label(doc)).toBe('the loss');
    expect(label(doc, ja)).toBe('損失');
    const renamed = { ...doc, nodes: doc.nodes.map((n) => (n.op === 'mse' ? { ...n, label: 'mse' } : n)) };
    expect(label(renamed)).toBe('loss (mse)');
    expect(label(renamed, ja)).toBe('損失（mse）');
  });

  it('names a marked loss the same way, and a plain scalar output (z = y.sum()) an output', () => {
    expect(label(compositeDoc())).toBe('loss (z)');
    expect(label({ ...compositeDoc(), loss: null })).toBe('output (z)');
    expect(label({ ...compositeDoc(), loss: null }, ja)).toBe('出力（z）');
  });
});
