import { describe, expect, it } from 'vitest';
import { gradStatus, type GradStatusInput } from './gradStatus';

const ready: GradStatusInput = { nodeCount: 5, errorCount: 0, hasProgram: true, runError: null, backwardCount: 0, backwardFrom: null };

describe('gradStatus', () => {
  it('gradStatus(before any backward) says every .grad is None', () => {
    expect(gradStatus(ready)).toEqual({ key: 'shell.status.noGrad' });
  });

  it('gradStatus(one backward) names the node it started from', () => {
    expect(gradStatus({ ...ready, backwardCount: 1, backwardFrom: 'z' })).toEqual({ key: 'shell.status.once', vars: { node: 'z' } });
  });

  it('gradStatus(two backwards) says the gradients accumulated', () => {
    expect(gradStatus({ ...ready, backwardCount: 2, backwardFrom: 'z' })).toEqual({ key: 'shell.status.accumulated', vars: { count: 2, node: 'z' } });
  });

  it('gradStatus(zero grad after a backward) says the gradients are zero', () => {
    expect(gradStatus({ ...ready, backwardCount: 0, backwardFrom: 'z' })).toEqual({ key: 'shell.status.zeroed' });
  });

  it('gradStatus(problems, run errors, empty canvas) says so first', () => {
    expect(gradStatus({ ...ready, hasProgram: false, errorCount: 2 })).toEqual({ key: 'shell.status.problems', vars: { count: 2 } });
    expect(gradStatus({ ...ready, runError: 'x: boom' })).toEqual({ key: 'shell.status.runError', vars: { message: 'x: boom' } });
    expect(gradStatus({ ...ready, nodeCount: 0 })).toEqual({ key: 'shell.status.empty' });
  });
});
