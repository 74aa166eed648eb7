import { describe, expect, it } from 'vitest';
import { compositeFunction } from './examples/compositeFunction';
import { Session } from './session';
import { installTestHook, type TestHook } from './testHook';

describe('installTestHook', () => {
  it('installTestHook(target).snapshot() returns fresh copies that cannot change the session', () => {
    const s = new Session(compositeFunction);
    const target: { gradcanvas?: TestHook } = {};
    installTestHook(target, s.getSnapshot);
    const a = target.gradcanvas!.snapshot();
    (a.nodes[0].value as number[])[0] = 99;
    const b = target.gradcanvas!.snapshot();
    expect(b.nodes[0].value[0]).toBe(-2);
    expect(a).not.toBe(b);
  });

  it('installTestHook(target) cannot be overwritten or given new methods', () => {
    const s = new Session(compositeFunction);
    const target: { gradcanvas?: TestHook } = {};
    installTestHook(target, s.getSnapshot);
    const hook = target.gradcanvas;
    expect(() => {
      target.gradcanvas = undefined;
    }).toThrow(TypeError);
    expect(Object.isFrozen(hook)).toBe(true);
    expect(target.gradcanvas).toBe(hook);
  });
});
