// Writes the shipped example graphs to public/examples/ and the published JSON Schema to
// public/graph.schema.json (run: npm run build:public). Tests check both are up to date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { serializeGraphFile } from '../engine/format/save';
import { graphJsonSchema } from '../engine/format/jsonSchema';
import { EXAMPLES } from './examples/build';

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
console.log(`wrote ${index.length} examples and graph.schema.json to public/`);
