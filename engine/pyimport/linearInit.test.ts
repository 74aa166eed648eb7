import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertTorch, PYTHON } from '../testing/debianPython';
import { TorchGenerator } from '../tensor/torchRandom';
import { linearInit } from './linearInit';

/** Layer sizes (in, out) made one after another after torch.manual_seed(seed). */
const LAYERS: [number, number][] = [[1, 1], [3, 4], [4, 1], [2, 64], [64, 3], [13, 7], [100, 30], [1, 200], [7, 1]];
const SEEDS = [0, 1, 123, 2026, 4294967295];

describe('linearInit: nn.Linear after torch.manual_seed, as PyTorch 1.13 draws it', () => {
  beforeAll(() => assertTorch());

  it.each(['float32', 'float64'] as const)('%s: every weight and bias bit for bit', (dtype) => {
    const program = `
import json, torch, torch.nn as nn
torch.set_default_dtype(torch.${dtype})
out = []
for seed in ${JSON.stringify(SEEDS)}:
    torch.manual_seed(seed)
    for i, o in ${JSON.stringify(LAYERS)}:
        m = nn.Linear(i, o)
        out.append([m.weight.detach().flatten().tolist(), m.bias.detach().flatten().tolist()])
print(json.dumps(out))
`;
    const r = spawnSync(PYTHON, ['-c', program], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.status, r.stderr).toBe(0);
    const want = JSON.parse(r.stdout) as number[][][];
    const got: number[][][] = [];
    for (const seed of SEEDS) {
      const g = new TorchGenerator(seed);
      for (const [i, o] of LAYERS) {
        const { weight, bias } = linearInit(g, i, o, dtype);
        got.push([weight, bias]);
      }
    }
    let n = 0;
    const differ: string[] = [];
    for (let k = 0; k < want.length; k++) {
      for (let p = 0; p < 2; p++) {
        want[k][p].forEach((v, j) => {
          if (!Object.is(got[k][p][j], v)) differ.push(`layer ${k}, ${p === 0 ? 'weight' : 'bias'}[${j}]: ${got[k][p][j]} vs ${v}`);
        });
        n += want[k][p].length;
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
    expect(n).toBe(19_730);
  }, 60_000);
});
