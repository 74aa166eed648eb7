import { describe, expect, it } from 'vitest';
import { parseDecimal } from './decimal';

describe('parseDecimal', () => {
  it('parseDecimal reads signs, leading and trailing points and exponents, ignoring spaces around', () => {
    expect(parseDecimal('-2')).toBe(-2);
    expect(parseDecimal(' 2.1 ')).toBe(2.1);
    expect(parseDecimal('.25')).toBe(0.25);
    expect(parseDecimal('7.')).toBe(7);
    expect(parseDecimal('+3E2')).toBe(300);
    expect(parseDecimal('1e-3')).toBe(0.001);
  });

  it("parseDecimal refuses what Number() takes but is not a decimal number: '', hex, binary, Infinity, 1_000, 1e999", () => {
    for (const text of ['', ' ', '0x10', '0b11', 'Infinity', 'NaN', '1_000', '1e999', '1 000', '1,5', '-', '1e', 'e3']) expect(parseDecimal(text), text).toBeNull();
  });
});
