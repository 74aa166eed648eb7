import { describe, expect, it } from 'vitest';
import { parseInteger, parseNumber } from './parseNumber';

describe('parseNumber', () => {
  it('parseNumber reads decimals, signs, leading dots and exponents', () => {
    expect(parseNumber('-2')).toEqual({ ok: true, value: -2 });
    expect(parseNumber(' 2.1 ')).toEqual({ ok: true, value: 2.1 });
    expect(parseNumber('.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseNumber('1.')).toEqual({ ok: true, value: 1 });
    expect(parseNumber('1e-3')).toEqual({ ok: true, value: 0.001 });
    expect(parseNumber('+3E2')).toEqual({ ok: true, value: 300 });
  });

  it('parseNumber("−0.5") accepts the minus sign of formulas, full-width digits and spaces around', () => {
    expect(parseNumber('−0.5')).toEqual({ ok: true, value: -0.5 });
    expect(parseNumber('１２．５')).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber('\u3000７\t')).toEqual({ ok: true, value: 7 });
  });

  it('parseNumber("") is empty and parseNumber("abc") is not a number', () => {
    expect(parseNumber('  ')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parseNumber('abc')).toEqual({ ok: false, error: { code: 'not_a_number', text: 'abc' } });
  });

  it('parseNumber refuses what Number() would accept but a field should not: hex, Infinity, half-typed, inner spaces', () => {
    for (const text of ['0x10', '0b1', '1_000', 'Infinity', 'NaN', 'inf', '-', '1e', '1,5', '1 000', '1e999']) expect(parseNumber(text).ok, text).toBe(false);
  });

  it('parseNumber(nan, inf, -Infinity, { nonFinite }) → the values a parameter tensor may hold', () => {
    const read = (text: string) => {
      const p = parseNumber(text, { nonFinite: true });
      return p.ok ? p.value : 'refused';
    };
    expect(['nan', 'NaN', 'inf', 'Infinity', '-inf', '−Infinity', ' +inf '].map(read)).toEqual([NaN, NaN, Infinity, Infinity, -Infinity, -Infinity, Infinity]);
    expect(['-nan', 'infin', 'in f'].map(read)).toEqual(['refused', 'refused', 'refused']);
    expect(read('2.5')).toBe(2.5);
  });
});

describe('parseInteger', () => {
  it('parseInteger("3") is 3 and parseInteger("2.5") is not whole', () => {
    expect(parseInteger('3')).toEqual({ ok: true, value: 3 });
    expect(parseInteger('-1')).toEqual({ ok: true, value: -1 });
    expect(parseInteger('2.5')).toEqual({ ok: false, error: { code: 'not_integer', text: '2.5' } });
  });

  it('parseInteger("", nullable) is null (axis = all) and otherwise empty', () => {
    expect(parseInteger('', { nullable: true })).toEqual({ ok: true, value: null });
    expect(parseInteger('')).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it('parseInteger("0", min 1) is below the minimum', () => {
    expect(parseInteger('0', { min: 1 })).toEqual({ ok: false, error: { code: 'below_min', min: 1 } });
  });
});
