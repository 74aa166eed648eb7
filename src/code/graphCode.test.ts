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

const training = () => '# the training script';

describe('graphCode', () => {
  it('an empty graph: no code, editable', () => {
    expect(graphCode(emptyDocument(), training)).toEqual({ text: '', editable: true });
  });

  it('a function to differentiate: the course-style script, editable, which runs back to the same graph', () => {
    const code = graphCode(example('composite-function'), training);
    expect(code.editable).toBe(true);
    expect(code.text).toContain('square = x**2');
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
    expect(graphCode({ ...doc, training: { ...doc.training, batchSize: 2 } }, training)).toEqual({ text: '# the training script', editable: false });
  });
});
