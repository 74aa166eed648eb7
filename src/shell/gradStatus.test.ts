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

  it('gradStatus(a stepped step written) says the step, its loss and that the parameters moved', () => {
    expect(gradStatus({ ...ready, lastRun: { type: 'step', step: 3, loss: 12.643812, updated: true } })).toEqual({ key: 'shell.status.stepped', vars: { step: 3, loss: '12.64' } });
    expect(gradStatus({ ...ready, lastRun: { type: 'step', step: 1, loss: 85, updated: false } })).toEqual({ key: 'shell.status.steppedNoParams', vars: { step: 1, loss: '85' } });
  });

  it('gradStatus(a step being played) names its phase; once the rule stopped it, says so', () => {
    const stepper = { step: 2, inProgress: true, phase: 'backward' as const, diverged: false };
    expect(gradStatus({ ...ready, stepper })).toEqual({ key: 'shell.status.stepping', vars: { step: 2, phase: 'backward' } });
    expect(gradStatus({ ...ready, stepper: { ...stepper, diverged: true } })).toEqual({ key: 'shell.status.stepDiverged', vars: { step: 2 } });
  });

  it('gradStatus(training) follows the run: running, paused, done and diverged', () => {
    const training = { status: 'running' as const, epoch: 120, epochs: 500, loss: 0.5, divergenceEpoch: null };
    expect(gradStatus({ ...ready, training })).toEqual({ key: 'shell.status.training', vars: { epoch: 120, epochs: 500, loss: '0.5' } });
    expect(gradStatus({ ...ready, training: { ...training, status: 'paused' } }).key).toBe('shell.status.trainPaused');
    expect(gradStatus({ ...ready, lastRun: null, training: { ...training, status: 'done', epoch: 500 } })).toEqual({ key: 'shell.status.trained', vars: { epoch: 500, loss: '0.5' } });
    expect(gradStatus({ ...ready, lastRun: null, training: { ...training, status: 'diverged', divergenceEpoch: 25 } })).toEqual({ key: 'shell.status.trainDiverged', vars: { epoch: 25 } });
    // Backward after the run: the status speaks of the gradients again.
    expect(gradStatus({ ...ready, lastRun: { type: 'backward' }, backwardCount: 1, backwardFrom: 'z', training: { ...training, status: 'done' } }).key).toBe('shell.status.once');
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
