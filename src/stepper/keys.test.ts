import { describe, expect, it } from 'vitest';
import { stepKeyFor } from './keys';

const chord = (key: string, shiftKey = false) => ({ key, shiftKey, ctrlKey: false, metaKey: false, altKey: false });
const el = (tagName: string, inside: string | null = null) => ({ tagName, getAttribute: () => null, closest: (s: string) => (inside && s.includes(inside) ? {} : null) });

describe('stepKeyFor', () => {
  it('maps Space, →, Shift+→ and ← on the page', () => {
    expect(stepKeyFor(chord(' '), el('BODY'))).toBe('play');
    expect(stepKeyFor(chord('ArrowRight'), el('BODY'))).toBe('step');
    expect(stepKeyFor(chord('ArrowRight', true), el('BODY'))).toBe('phase');
    expect(stepKeyFor(chord('ArrowLeft'), el('BODY'))).toBe('back');
  });

  it('leaves keys typed in fields, on nodes and Space on buttons alone', () => {
    expect(stepKeyFor(chord('ArrowRight'), el('INPUT'))).toBeNull();
    expect(stepKeyFor(chord('ArrowRight'), el('DIV', '.react-flow__node'))).toBeNull();
    expect(stepKeyFor(chord(' '), el('BUTTON', 'button'))).toBeNull();
    expect(stepKeyFor({ ...chord('ArrowRight'), ctrlKey: true }, el('BODY'))).toBeNull();
  });
});
