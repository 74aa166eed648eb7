import { describe, expect, it } from 'vitest';
import { EngineError } from '../../engine';
import { runErrorOf } from './runError';

describe('runErrorOf', () => {
  it('runErrorOf(an EngineError) keeps its message and node and is not internal', () => {
    expect(runErrorOf(new EngineError('runtime', 'y: the value is nan', 'y'))).toEqual({ node: 'y', message: 'y: the value is nan' });
    expect(runErrorOf('boom')).toEqual({ message: 'boom', internal: true });
  });
});
