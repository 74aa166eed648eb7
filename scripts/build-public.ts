// Writes the shipped example graphs to public/examples/, the published JSON Schema to
// public/graph.schema.json and copies of the course's data files the lessons load to
// public/data/ (run: npm run build:public). Tests check all three are up to date.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { serializeGraphFile } from '../engine/format/save';
import { graphJsonSchema } from '../engine/format/jsonSchema';
import { EXAMPLES } from './examples/build';
import { COURSE_DATA, COURSE_DATA_SOURCE } from './courseData';

const publicDir = new URL('../public/', import.meta.url);
const examplesDir = new URL('examples/', publicDir);
mkdirSync(examplesDir, { recursive: true });
const index = Object.entries(EXAMPLES).map(([name, make]) => {
  const file = make();
  writeFileSync(new URL(`${name}.json`, examplesDir), serializeGraphFile(file));
  return { file: `${name}.json`, name: file.name };
});
writeFileSync(new URL('index.json', examplesDir), `${JSON.stringify(index, null, 2)}\n`);
writeFileSync(new URL('graph.schema.json', publicDir), `${JSON.stringify(graphJsonSchema(), null, 2)}\n`);
const dataDir = new URL('data/', publicDir);
mkdirSync(dataDir, { recursive: true });
for (const file of COURSE_DATA) writeFileSync(new URL(file, dataDir), readFileSync(new URL(file, COURSE_DATA_SOURCE)));
console.log(`wrote ${index.length} examples, graph.schema.json and ${COURSE_DATA.length} data files to public/`);
