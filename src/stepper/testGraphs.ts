import { readFileSync } from 'node:fs';
import { type GraphFile, loadGraphFile } from '../../engine';

/** A shipped example by file name, loaded as the app loads it (tests only: reads from disk). */
export function example(name: string): GraphFile {
  const result = loadGraphFile(readFileSync(`public/examples/${name}.json`, 'utf8'));
  if (!result.ok) throw new Error(`example ${name} does not load`);
  return result.file;
}

/** p (a parameter) used twice: loss = sum(p·p + p), so p's gradient is the sum of three edge contributions. */
export function reusedParameter(): GraphFile {
  const file = example('composite-function');
  return {
    ...file,
    nodes: [
      { id: 'p', op: 'parameter', position: { x: 0, y: 0 }, shape: [2], init: { type: 'constant', value: 0 }, params: { value: { shape: [2], data: [1, -2] } } },
      { id: 'm', op: 'mul', position: { x: 200, y: 0 } },
      { id: 'a', op: 'add', position: { x: 400, y: 0 } },
      { id: 's', op: 'sum', position: { x: 600, y: 0 } },
    ] as GraphFile['nodes'],
    edges: [
      { source: 'p', target: 'm', targetPort: 'a' },
      { source: 'p', target: 'm', targetPort: 'b' },
      { source: 'm', target: 'a', targetPort: 'a' },
      { source: 'p', target: 'a', targetPort: 'b' },
      { source: 'a', target: 's', targetPort: 'x' },
    ],
    loss: 's',
    training: { ...file.training, optimizer: { type: 'sgd', lr: 0.1 } },
  };
}
