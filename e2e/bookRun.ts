import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GraphFile } from '../engine';

const RM_LSTAT_PRICE = fileURLToPath(new URL('../../shared/data/boston_rm_lstat_price.csv', import.meta.url));

/** The book's run as a graph file: Boston RM+LSTAT → PRICE, linear(2,1) with weight and bias 1, loss MSE/2 (mse → scale 0.5). */
export function bookRun(): GraphFile {
  const [header, ...lines] = readFileSync(RM_LSTAT_PRICE, 'utf8').trim().split('\n');
  const at = (x: number, y: number) => ({ x, y });
  return {
    format: 'gradcanvas-graph',
    version: 1,
    name: 'Boston RM+LSTAT, MSE/2',
    nodes: [
      { id: 'X', op: 'input', position: at(0, 0), value: { type: 'columns', dataset: 'boston', columns: ['RM', 'LSTAT'] } },
      { id: 'Y', op: 'input', position: at(0, 220), value: { type: 'columns', dataset: 'boston', columns: ['PRICE'] } },
      { id: 'linear', op: 'linear', position: at(260, 0), attrs: { inFeatures: 2, outFeatures: 1 }, params: { weight: { shape: [1, 2], data: [1, 1] }, bias: { shape: [1], data: [1] } } },
      { id: 'mse', op: 'mse', position: at(520, 110) },
      { id: 'half', op: 'scale', position: at(760, 110), attrs: { k: 0.5 } },
    ],
    edges: [
      { source: 'X', target: 'linear', targetPort: 'x' },
      { source: 'linear', target: 'mse', targetPort: 'input' },
      { source: 'Y', target: 'mse', targetPort: 'target' },
      { source: 'mse', target: 'half', targetPort: 'x' },
    ],
    loss: 'half',
    datasets: { boston: { columns: header.split(','), rows: lines.map((l) => l.split(',').map(Number)) } },
    training: { optimizer: { type: 'sgd', lr: 0.001 }, epochs: 100, batchSize: null, seed: 0 },
  } as GraphFile;
}

