import { describe, expect, it } from 'vitest';
import type { Problem } from '../../engine';
import { MESSAGES } from '../i18n/testMessages';
import { isBlocking, issueLabelKey, issueNodeKey, issueTipId, nodeIssues, PROBLEM_CODES } from './problems';

const mismatch: Problem = { code: 'shape_mismatch', reason: 'shape.broadcast', params: { node: 'y', op: 'add', a: '[2]', b: '[3]' }, message: 'shapes [2] and [3] do not broadcast', node: 'y', severity: 'error' };
const noLoss: Problem = { code: 'no_loss', reason: 'no_loss', params: {}, message: 'no loss', severity: 'warning' };

describe('problems', () => {
  it('nodeIssues lists the node\'s problems and its runtime error, as the same objects', () => {
    const runError = { node: 'y', message: 'y: NaN' };
    const state = { problems: [mismatch, noLoss], runError };
    const issues = nodeIssues(state, 'y');
    expect(issues).toEqual([mismatch, runError]);
    expect(issues[0]).toBe(mismatch);
    expect(nodeIssues(state, 'x')).toEqual([]);
  });
  it('issueNodeKey joins the ids of nodes with issues, sorted, without duplicates', () => {
    expect(issueNodeKey({ problems: [mismatch, mismatch, noLoss], runError: { node: 'a', message: 'm' } })).toBe('a\ny');
    expect(issueNodeKey({ problems: [], runError: null })).toBe('');
  });
  it('isBlocking is true for errors and runtime errors, false for warnings', () => {
    expect(isBlocking(mismatch)).toBe(true);
    expect(isBlocking(noLoss)).toBe(false);
    expect(isBlocking({ message: 'boom' })).toBe(true);
  });
  it('issueTipId escapes characters an id reference cannot hold', () => {
    expect(issueTipId('square_2')).toBe('canvas-issue-square_2');
    expect(issueTipId('a b.c')).toBe('canvas-issue-a_20_b_2e_c');
  });
  it('issueLabelKey(every problem code the engine has) is a text in English and Japanese', () => {
    expect(PROBLEM_CODES).toEqual(expect.arrayContaining(['too_large', 'bad_param', 'unexpected']));
    for (const code of PROBLEM_CODES) {
      const key = issueLabelKey({ code, reason: 'no_loss', params: {}, message: '', severity: 'error' });
      expect(MESSAGES[key]?.en, key).toBeTruthy();
      expect(MESSAGES[key]?.ja, key).toBeTruthy();
    }
    expect(MESSAGES[issueLabelKey({ message: 'y: nan' })]).toBeDefined();
  });
});
