import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/useT';
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
    expect(gradStatus({ ...ready, runError: { message: 'x: boom' } })).toEqual({ key: 'shell.status.runError', vars: { message: 'x: boom' } });
    expect(gradStatus({ ...ready, nodeCount: 0 })).toEqual({ key: 'shell.status.empty' });
  });

  it('gradStatus(an error that is not the engine\'s) is a plain sentence in both languages, the raw text only as a title', () => {
    const raw = "TypeError: Cannot read properties of undefined (reading 'shape')";
    const status = gradStatus({ ...ready, runError: { message: raw, internal: true } });
    expect(status).toEqual({ key: 'shell.status.runFailed', title: raw });
    for (const lang of ['en', 'ja'] as const) {
      const text = translate(lang, status.key, status.vars);
      expect(text).not.toContain('TypeError');
      expect(text).not.toBe(status.key);
    }
  });
});
