import { describe, expect, it } from 'vitest';
import { initOf, initTensor } from './init';

describe('initTensor', () => {
  it('initTensor([2, 3], constant 1.5) → six values of 1.5', () => {
    expect(Array.from(initTensor([2, 3], { type: 'constant', value: 1.5 }, 3).data)).toEqual(new Array(6).fill(1.5));
  });

  it('initTensor([50000000]) → a RangeError naming the limit, at once, nothing allocated', () => {
    const t = performance.now();
    expect(() => initTensor([50_000_000], { type: 'default', seed: 0 }, 1)).toThrow(
      'a tensor of shape [50000000] would have 50,000,000 elements, which exceeds the limit of 4,000,000 elements',
    );
    expect(performance.now() - t).toBeLessThan(50);
  });

  it('initTensor([100000, 100000]) and initTensor([-1]) → RangeErrors in words', () => {
    expect(() => initTensor([100_000, 100_000], { type: 'default', seed: 0 }, 1)).toThrow(/10,000,000,000 elements/);
    expect(() => initTensor([-1], { type: 'default', seed: 0 }, 1)).toThrow(/would have -1 elements/);
  });
});

describe('initOf', () => {
  it("initOf(node, def) → the node's initialiser, else the definition's, else nn.Linear's default", () => {
    const uniform = { type: 'uniform', low: -1, high: 1, seed: 2 } as const;
    const zero = { type: 'constant', value: 0 } as const;
    expect(initOf({ init: uniform }, { init: zero })).toBe(uniform);
    expect(initOf({}, { init: zero })).toBe(zero);
    expect(initOf({}, {})).toEqual({ type: 'default', seed: 0 });
    expect(initOf({}, undefined)).toEqual({ type: 'default', seed: 0 });
  });
});
