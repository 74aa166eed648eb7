import { describe, expect, it } from 'vitest';
import { planBind } from './plan';
import { columnStats } from './transform';

const draft = { name: 'd', dataset: { columns: ['x', 'y'], rows: Array.from({ length: 10 }, (_, i) => [i, 2 * i]) }, roles: { x: 'feature', y: 'target' } as const, textColumns: [] };

describe('planBind', () => {
  it('planBind with a split and standardising scales features by the training rows only and leaves the target alone', () => {
    const plan = planBind(draft, { enabled: true, testFraction: 0.3, seed: 3 }, 'standardise');
    expect(plan.train.rows).toHaveLength(7);
    expect(plan.test?.rows).toHaveLength(3);
    const st = columnStats(plan.train.rows, 2);
    expect(st.mean[0]).toBeCloseTo(0, 12);
    expect(st.std[0]).toBeCloseTo(1, 12);
    expect(plan.train.rows.every((r) => Number.isInteger(r[1] / 2))).toBe(true);
  });

  it('planBind without a split keeps every row and no test part', () => {
    const plan = planBind(draft, { enabled: false, testFraction: 0.3, seed: 3 }, 'none');
    expect(plan.train.rows).toEqual(draft.dataset.rows);
    expect(plan.test).toBeNull();
  });
});
