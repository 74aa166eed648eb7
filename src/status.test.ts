import { describe, expect, it } from 'vitest';
import { compositeFunction } from './examples/compositeFunction';
import { Session } from './session';
import { describeGradState } from './status';

describe('describeGradState', () => {
  it('describeGradState(before backward) says .grad is None', () => {
    expect(describeGradState(new Session(compositeFunction).getSnapshot())).toMatch(/\.grad is None/);
  });

  it('describeGradState(after two backwards) says the gradient accumulated to 2×', () => {
    const s = new Session(compositeFunction);
    s.backward();
    expect(describeGradState(s.getSnapshot())).toMatch(/Backward ran once/);
    s.backward();
    expect(describeGradState(s.getSnapshot())).toMatch(/ran 2 times without zeroing.*accumulated to 2×/);
  });

  it('describeGradState(after zero grad) says the gradients are zero', () => {
    const s = new Session(compositeFunction);
    s.backward();
    s.zeroGrad();
    expect(describeGradState(s.getSnapshot())).toMatch(/Gradients zeroed/);
  });
});
