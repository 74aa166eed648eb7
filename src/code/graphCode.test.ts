import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type GraphFile, importPython, openGraphText } from '../../engine';
import { emptyDocument } from '../store/edits';
import { graphCode } from './graphCode';

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

  it('a training graph: its exported script with its node lines, read-only', () => {
    expect(graphCode(example('linear-regression-module'), training)).toEqual({ text: '# the training script', nodeLines: new Map([['loss', 1]]), editable: false });
  });
});
