import { describe, expect, it } from 'vitest';
import { carriesOp, dropEffectFor, PALETTE_MIME } from './dnd';

describe('dnd', () => {
  it('carriesOp is true only for drags with the palette type', () => {
    expect(carriesOp(['text/plain', PALETTE_MIME])).toBe(true);
    expect(carriesOp(['Files'])).toBe(false);
  });
  it('dropEffectFor matches what the drag source allows', () => {
    expect(dropEffectFor('move')).toBe('move');
    expect(dropEffectFor('copyMove')).toBe('copy');
    expect(dropEffectFor('all')).toBe('copy');
    expect(dropEffectFor('linkMove')).toBe('move');
  });
});
