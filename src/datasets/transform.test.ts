import { describe, expect, it } from 'vitest';
import { centre, columnStats, scaleColumns, splitRows, standardise } from './transform';

const data = { columns: ['a', 'b'], rows: Array.from({ length: 10 }, (_, i) => [i, 10 * i]) };

describe('splitRows', () => {
  it('splitRows(10 rows, 0.2, seed) puts 2 rows in test and 8 in train, each row once, in order', () => {
    const s = splitRows(data, 0.2, 1);
    expect(s.test.rows).toHaveLength(2);
    expect(s.train.rows).toHaveLength(8);
    const all = [...s.train.rows, ...s.test.rows].map((r) => r[0]).sort((x, y) => x - y);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.train.rows.map((r) => r[0])).toEqual([...s.train.rows.map((r) => r[0])].sort((x, y) => x - y));
  });

  it('splitRows with the same seed splits the same way; another seed differently', () => {
    expect(splitRows(data, 0.3, 5)).toEqual(splitRows(data, 0.3, 5));
    const seeds = [1, 2, 3, 4].map((s) => JSON.stringify(splitRows(data, 0.3, s).test.rows));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('splitRows keeps at least one row on each side', () => {
    expect(splitRows(data, 0, 1).test.rows).toHaveLength(1);
    expect(splitRows(data, 1, 1).train.rows).toHaveLength(1);
  });
});

describe('scaling', () => {
  it('standardise(data, [a]) gives column a mean 0 and population std 1, leaving b alone', () => {
    const s = standardise(data, ['a']);
    const st = columnStats(s.rows, 2);
    expect(st.mean[0]).toBeCloseTo(0, 12);
    expect(st.std[0]).toBeCloseTo(1, 12);
    expect(s.rows.map((r) => r[1])).toEqual(data.rows.map((r) => r[1]));
  });

  it('centre(data, [a, b]) subtracts the means', () => {
    const s = centre(data, ['a', 'b']);
    expect(s.rows[0]).toEqual([-4.5, -45]);
  });

  it('scaleColumns scales test rows with the training statistics', () => {
    const stats = columnStats([[0], [2]], 1);
    expect(scaleColumns({ columns: ['a'], rows: [[4]] }, ['a'], 'standardise', stats).rows).toEqual([[3]]);
  });

  it('standardise leaves a constant column centred, not divided by zero', () => {
    expect(standardise({ columns: ['c'], rows: [[3], [3]] }, ['c']).rows).toEqual([[0], [0]]);
  });
});
