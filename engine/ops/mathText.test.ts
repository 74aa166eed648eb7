import { describe, expect, it } from 'vitest';
import { frac, parseMath, plainMath, tidyMath } from './mathText';

describe('math text', () => {
  it('parseMath(a over b, then ·1) → the fraction as a structure and the plain run after it', () => {
    expect(parseMath(`${frac('2·((−4) − (−6.7))', '5')}·1`)).toEqual([{ num: ['2·((−4) − (−6.7))'], den: ['5'] }, '·1']);
  });

  it('parseMath keeps nested fractions nested and drops stray markers', () => {
    expect(parseMath(frac(frac('1', 'x'), '2'))).toEqual([{ num: [{ num: ['1'], den: ['x'] }], den: ['2'] }]);
    expect(parseMath('a\u{E002}b')).toEqual(['ab']);
  });

  it('plainMath writes a fraction on one line, parenthesising a side of several terms and a fraction something touches', () => {
    expect(plainMath(`${frac('2·((−4) − (−6.7))', '5')}·1`)).toBe('((2·((−4) − (−6.7))) / 5)·1');
    expect(plainMath(`y = ${frac('1', '1 + e^−2')} = 0.88`)).toBe('y = 1 / (1 + e^−2) = 0.88');
    expect(plainMath(frac('W[0, 1]', 'n'))).toBe('W[0, 1] / n');
  });

  it('tidyMath drops parentheses around one non-negative number or name, keeps one pair around a negative', () => {
    expect(tidyMath('2·(4)·(1)')).toBe('2·4·1');
    expect(tidyMath('((−2))²')).toBe('(−2)²');
    expect(tidyMath('(x[3])² + (square.grad[3])')).toBe('x[3]² + square.grad[3]');
    expect(tidyMath('(166) − (171)')).toBe('166 − 171');
    expect(tidyMath('(−4) − (−6.7)')).toBe('(−4) − (−6.7)');
  });

  it('tidyMath leaves function calls alone and unwraps a negative number passed as a whole argument', () => {
    expect(tidyMath('log(4) + softmax(x₀)')).toBe('log(4) + softmax(x₀)');
    expect(tidyMath('max(0, (−2))')).toBe('max(0, −2)');
    expect(tidyMath('Σ((−2), …)')).toBe('Σ(−2, …)');
    expect(tidyMath('e^((−2)) + e^(2)')).toBe('e^(−2) + e^2');
  });
});
