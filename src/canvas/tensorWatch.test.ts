import { describe, expect, it } from 'vitest';
import { TensorWatch } from './tensorWatch';

describe('TensorWatch', () => {
  it('tells a change of the numbers, even in the same buffer changed in place, and not a run that left them alone', () => {
    const watch = new TensorWatch();
    const data = new Float64Array([1, 2, 3]);
    expect(watch.update({ shape: [3], data })).toBe(true);
    expect(watch.update({ shape: [3], data })).toBe(false);
    data[1] = 2.5;
    expect(watch.update({ shape: [3], data })).toBe(true);
    expect(watch.update({ shape: [3], data: new Float64Array([1, 2.5, 3]) })).toBe(false);
  });

  it('tells NaN staying NaN as no change, -0 after 0 as one, a new shape and a tensor going away', () => {
    const watch = new TensorWatch();
    watch.update({ shape: [2], data: new Float64Array([NaN, 0]) });
    expect(watch.update({ shape: [2], data: new Float64Array([NaN, 0]) })).toBe(false);
    expect(watch.update({ shape: [2], data: new Float64Array([NaN, -0]) })).toBe(true);
    expect(watch.update({ shape: [1, 2], data: new Float64Array([NaN, -0]) })).toBe(true);
    expect(watch.update(null)).toBe(true);
    expect(watch.update(null)).toBe(false);
  });
});
