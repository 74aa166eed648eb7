import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './build';
import { serializeGraphFile } from '../../engine/format/save';
import { graphJsonSchema } from '../../engine/format/jsonSchema';
import { fileToGraph } from '../../engine/format/convert';
import { Trainer } from '../../engine/train/trainer';
import { compile } from '../../engine/exec/compile';
import { COURSE_DATA, COURSE_DATA_SOURCE } from '../courseData';

const publicFile = (name: string) => readFileSync(new URL(`../../public/${name}`, import.meta.url), 'utf8');

describe('shipped examples', () => {
  it.each(Object.keys(EXAMPLES))('public/examples/%s.json is what the builder makes (run npm run build:public)', (name) => {
    expect(publicFile(`examples/${name}.json`)).toBe(serializeGraphFile(EXAMPLES[name]()));
  });

  it('public/graph.schema.json is the schema the loader uses (run npm run build:public)', () => {
    expect(JSON.parse(publicFile('graph.schema.json'))).toEqual(graphJsonSchema());
  });

  it.each(COURSE_DATA)('public/data/%s is an exact copy of the course’s data file (run npm run build:public)', (file) => {
    expect(publicFile(`data/${file}`)).toBe(readFileSync(new URL(file, COURSE_DATA_SOURCE), 'utf8'));
  });

  it('docs/graph-format.md shows the current linear-regression-by-hand example as its complete example', () => {
    const doc = readFileSync(new URL('../../docs/graph-format.md', import.meta.url), 'utf8');
    expect(doc).toContain(publicFile('examples/linear-regression-by-hand.json'));
  });

  it('the composite function gives z = 85 and x.grad = 4x', () => {
    const p = compile(fileToGraph(EXAMPLES['composite-function']())).program;
    if (!p) throw new Error('did not compile');
    p.forward();
    p.backward();
    expect(p.lossValue()).toBe(85);
    expect(Array.from(p.grad('x')?.data ?? [])).toEqual(Array.from(p.value('x').data, (v) => 4 * v));
  });

  it.each(['linear-regression-by-hand', 'linear-regression-module'])('%s trains to the course result W ≈ 1.8207, B ≈ 0.3675 after 500 epochs', (name) => {
    const file = EXAMPLES[name]();
    const t = new Trainer(fileToGraph(file), file.training);
    for (let e = 0; e < file.training.epochs; e++) t.epoch();
    const [w, b] = t.program.params.map((p) => p.value[0]);
    expect(w).toBeCloseTo(1.8206830936528573, 12);
    expect(b).toBeCloseTo(0.36751125485715713, 12);
    expect(t.history[0]).toBeCloseTo(13.352, 10);
    expect(t.history[499]).toBeCloseTo(4.674640888925689, 10);
  });

  it.each(['binary-classification', 'multiclass-classification'])('%s trains: the loss falls by more than half', (name) => {
    const file = EXAMPLES[name]();
    const t = new Trainer(fileToGraph(file), file.training);
    for (let e = 0; e < file.training.epochs; e++) t.epoch();
    expect(t.history[t.history.length - 1]).toBeLessThan(t.history[0] / 2);
  });
});
