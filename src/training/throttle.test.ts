import { describe, expect, it } from 'vitest';
import { Throttle } from './throttle';

describe('Throttle', () => {
  it('due() → true at most once per interval, the first one interval after creation or reset', () => {
    let now = 100;
    const t = new Throttle(1000, () => now);
    expect(t.due()).toBe(false);
    now = 1099;
    expect(t.due()).toBe(false);
    now = 1100;
    expect(t.due()).toBe(true);
    expect(t.due()).toBe(false);
    now = 2500;
    expect(t.due()).toBe(true);
    now = 2600;
    t.reset();
    now = 3500;
    expect(t.due()).toBe(false);
    now = 3600;
    expect(t.due()).toBe(true);
  });
});
