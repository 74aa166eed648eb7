import { describe, expect, it } from 'vitest';
import { INJECTION_CORPUS } from './injectionCorpus';
import { printable } from './printable';

/** Anything a terminal or a line-based reader could act on, as printable must never leave it. */
const RAW = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}\p{Cs}]/u;

describe('printable', () => {
  it('printable of line breaks (\\n \\r \\u2028 \\u2029 \\u0085, \\v \\f, \\x1c–\\x1e) → visible escapes on one line', () => {
    expect(printable('lin\n0,999')).toBe('lin\\n0,999');
    expect(printable('a\r\nb\tc')).toBe('a\\r\\nb\\tc');
    expect(printable('a\u2028b\u2029c\u0085d')).toBe('a\\u2028b\\u2029c\\u0085d');
    expect(printable('\v\f\x1c\x1d\x1e')).toBe('\\u000b\\u000c\\u001c\\u001d\\u001e');
  });

  it('printable of ESC sequences, NUL, DEL and C1 controls (CSI) → \\u001b-style escapes', () => {
    expect(printable('\x1b[31mred\x1b[0m')).toBe('\\u001b[31mred\\u001b[0m');
    expect(printable('\x1b]0;title\x07')).toBe('\\u001b]0;title\\u0007');
    expect(printable('a\0b\x7fc\x9b2J')).toBe('a\\u0000b\\u007fc\\u009b2J');
  });

  it('printable of lone surrogates → \\ud800-style escapes; surrogate pairs (emoji) stay', () => {
    expect(printable('a\uD800b')).toBe('a\\ud800b');
    expect(printable('\uDC00\uD800')).toBe('\\udc00\\ud800');
    expect(printable('\uD83D\uDE00')).toBe('😀');
  });

  it('printable of bidirectional overrides and isolates → escaped, so a line reads as it is', () => {
    expect(printable('\u202Eevil\u202C \u2066x\u2069 \u200F')).toBe('\\u202eevil\\u202c \\u2066x\\u2069 \\u200f');
  });

  it('printable of Japanese, emoji sequences, accents, spaces, quotes and backslashes → unchanged', () => {
    for (const s of ['線形回帰　データ', '重み.weight', '👨‍👩‍👧 😀', 'café naïve', 'a b\u00A0c', `"quoted" 'single' # hash`, 'C:\\data\\x.csv', '\\n is two characters']) {
      expect(printable(s)).toBe(s);
    }
  });

  it('printable of every code unit and of the injection corpus → nothing raw left, and what was printable unchanged', () => {
    const texts = [...Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)), ...INJECTION_CORPUS];
    for (const s of texts) {
      const out = printable(s);
      expect(out, JSON.stringify(s)).not.toMatch(RAW);
      if (!RAW.test(s)) expect(out).toBe(s);
    }
  });
});
