import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type GraphFile, importPython, openGraphText } from '../../engine';
import { emptyDocument } from '../store/edits';
import { graphCode } from './graphCode';
import { scriptDatasets } from './scriptDatasets';

function example(name: string): GraphFile {
  const r = openGraphText(readFileSync(new URL(`../../public/examples/${name}.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`${name} does not open`);
  return r.file;
}

const training = () => ({ code: '# the training script', nodeLines: new Map([['loss', 1]]) });

describe('graphCode', () => {
  it('an empty graph: no code, editable', () => {
    expect(graphCode(emptyDocument(), training)).toEqual({ text: '', nodeLines: new Map(), editable: true });
  });

  it('a function to differentiate: the course-style script, editable, with the line of each node, which runs back to the same graph', () => {
    const code = graphCode(example('composite-function'), training);
    expect(code.editable).toBe(true);
    expect(code.text).toContain('square = x**2');
    const lines = code.text.split('\n');
    for (const id of ['x', 'square', 'scale', 'y', 'z']) expect(lines[(code.nodeLines.get(id) ?? 0) - 1]).toMatch(new RegExp(`^${id} = `));
    const r = importPython(code.text);
    expect(r.error).toBeNull();
    expect(r.file.nodes.map((n) => [n.id, n.op])).toEqual(example('composite-function').nodes.map((n) => [n.id, n.op]));
    expect(r.file.loss).toBe('z');
  });

  it('a training graph: the course-style training script, editable, which runs back to the same graph and training settings', () => {
    const doc = example('linear-regression-module');
    const code = graphCode(doc, training);
    expect(code.editable).toBe(true);
    expect(code.text).toContain('class Net(nn.Module):');
    expect(code.text).toContain('for epoch in range(500):');
    // Each node's line is known, so the editor and the canvas point at each other.
    const lines = code.text.split('\n');
    for (const n of doc.nodes) expect(lines[(code.nodeLines.get(n.id) ?? 0) - 1], n.id).toContain(n.id === 'loss' ? 'criterion(' : `node "${n.id}"`);
    const r = importPython(code.text, { datasets: scriptDatasets(doc) });
    expect(r.error).toBeNull();
    expect(r.file.nodes.map((n) => n.op).sort()).toEqual(doc.nodes.map((n) => n.op).sort());
    expect(r.file.training).toEqual({ ...doc.training });
    expect(r.file.datasets).toEqual(doc.datasets);
    expect(r.file.loss).toBe('loss');
  });

  it('a classifier with accuracy and a validation split: the course-style script, which runs back to the same metrics and data', () => {
    const doc = example('binary-classification');
    const code = graphCode(doc, training);
    expect(code.editable).toBe(true);
    const r = importPython(code.text, { datasets: scriptDatasets(doc) });
    expect(r.error).toBeNull();
    expect(r.file.training.metrics).toEqual({ accuracy: true });
    expect(Object.keys(r.file.datasets).sort()).toEqual(['blobs', 'blobs_test']);
    // The validation data is read from its split, not held as nodes.
    expect(r.file.nodes.filter((n) => n.value?.type === 'columns').map((n) => (n.value as { dataset: string }).dataset)).toEqual(['blobs', 'blobs']);
  });

  it('a training graph the course-style script does not express (mini-batches): its exported script, read-only', () => {
    const doc = example('linear-regression-module');
    expect(graphCode({ ...doc, training: { ...doc.training, batchSize: 2 } }, training)).toEqual({ text: '# the training script', nodeLines: new Map([['loss', 1]]), editable: false });
  });
});
