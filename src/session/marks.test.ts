import { describe, expect, it } from 'vitest';
import { markOf } from './marks';
import type { NodeMark } from './types';

describe('markOf', () => {
  it("markOf(no marks, 'constructor' or 'toString') is undefined: a node id is not a property of Object", () => {
    expect(markOf({}, 'constructor')).toBeUndefined();
    expect(markOf({}, 'toString')).toBeUndefined();
    expect(markOf({}, '__proto__')).toBeUndefined();
  });

  it('markOf(marks, a marked id) is its mark', () => {
    const mark: NodeMark = { kind: 'diverged' };
    expect(markOf(Object.fromEntries([['constructor', mark]]), 'constructor')).toBe(mark);
  });
});
