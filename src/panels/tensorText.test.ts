import { describe, expect, it } from 'vitest';
import {
  arangeCount,
  formatShapeText,
  parseNumberList,
  parseReshapeTarget,
  parseShape,
  pastedShape,
  pasteValues,
  resizeData,
} from './tensorText';

describe('parseReshapeTarget', () => {
  it('reads a shape with one -1 as parseShape reads shapes: "-1, 1", "(2, -1)", "−1x3", "" (a scalar)', () => {
    expect(parseReshapeTarget('-1, 1')).toEqual({ ok: true, value: [-1, 1] });
    expect(parseReshapeTarget('(2, -1)')).toEqual({ ok: true, value: [2, -1] });
    expect(parseReshapeTarget('−1x3')).toEqual({ ok: true, value: [-1, 3] });
    expect(parseReshapeTarget('')).toEqual({ ok: true, value: [] });
  });

  it('refuses two -1s, other negatives, fractions and more than four axes, saying which', () => {
    expect(parseReshapeTarget('-1, -1')).toEqual({ ok: false, error: { code: 'two_free_axes' } });
    expect(parseReshapeTarget('2, -2')).toEqual({ ok: false, error: { code: 'bad_size', text: '-2' } });
    expect(parseReshapeTarget('1.5')).toEqual({ ok: false, error: { code: 'bad_size', text: '1.5' } });
    expect(parseReshapeTarget('1, 1, 1, 1, 6')).toEqual({ ok: false, error: { code: 'rank_too_high', max: 4 } });
  });
});

describe('parseShape', () => {
  it('parseShape reads "17", "2, 3", "2x3", "[2, 3]" and "" (a scalar)', () => {
    expect(parseShape('17')).toEqual({ ok: true, value: [17] });
    expect(parseShape('2, 3')).toEqual({ ok: true, value: [2, 3] });
    expect(parseShape('2x3')).toEqual({ ok: true, value: [2, 3] });
    expect(parseShape('2 3')).toEqual({ ok: true, value: [2, 3] });
    expect(parseShape('[2, 3]')).toEqual({ ok: true, value: [2, 3] });
    expect(parseShape('(4,)').ok).toBe(false);
    expect(parseShape('')).toEqual({ ok: true, value: [] });
    expect(parseShape('0')).toEqual({ ok: true, value: [0] });
  });

  it('parseShape refuses negative, fractional and missing axes', () => {
    expect(parseShape('-1')).toEqual({ ok: false, error: { code: 'bad_axis', text: '-1' } });
    expect(parseShape('2.5')).toEqual({ ok: false, error: { code: 'bad_axis', text: '2.5' } });
    expect(parseShape('2,,3').ok).toBe(false);
  });

  it('parseShape refuses rank above 4 and more values than the editor holds', () => {
    expect(parseShape('1,1,1,1,1')).toEqual({ ok: false, error: { code: 'rank_too_high', max: 4 } });
    expect(parseShape('1000, 1000', 100)).toEqual({ ok: false, error: { code: 'too_many_values', max: 100 } });
  });

  it('formatShapeText is what parseShape reads back', () => {
    for (const s of [[], [17], [2, 3], [1, 2, 3, 4]]) expect(parseShape(formatShapeText(s))).toEqual({ ok: true, value: s });
  });
});

describe('parseNumberList', () => {
  it('parseNumberList reads "1 2 3", "1,2,3" and "1, 2; 3" as a flat list', () => {
    for (const text of ['1 2 3', '1,2,3', '1, 2; 3', '[1, 2, 3]', '1\n2\n3\n']) {
      expect(parseNumberList(text), text).toEqual({ ok: true, value: { values: [1, 2, 3], columns: null } });
    }
  });

  it('parseNumberList reads a spreadsheet range (tabs and newlines) as rows and columns', () => {
    expect(parseNumberList('1\t2\t3\r\n4\t5\t6\r\n')).toEqual({ ok: true, value: { values: [1, 2, 3, 4, 5, 6], columns: 3 } });
  });

  it('parseNumberList gives no column count for ragged rows', () => {
    expect(parseNumberList('1 2\n3')).toEqual({ ok: true, value: { values: [1, 2, 3], columns: null } });
  });

  it('parseNumberList names the token that is not a number', () => {
    expect(parseNumberList('1 2 x 4')).toEqual({ ok: false, error: { code: 'not_a_number', text: 'x' } });
    expect(parseNumberList(' \n ')).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it('parseNumberList("1 nan -inf", { nonFinite }) → the values a parameter may hold; without it, nan is not a number', () => {
    expect(parseNumberList('1 nan -inf', { nonFinite: true })).toEqual({ ok: true, value: { values: [1, NaN, -Infinity], columns: null } });
    expect(parseNumberList('1 nan')).toEqual({ ok: false, error: { code: 'not_a_number', text: 'nan' } });
  });
});

describe('pastedShape and pasteValues', () => {
  const list = (values: number[], columns: number | null = null) => ({ values, columns });

  it('pastedShape keeps the shape when the count fits it', () => {
    expect(pastedShape([2, 3], list([1, 2, 3, 4, 5, 6]), true)).toEqual({ ok: true, value: [2, 3] });
  });

  it('pastedShape makes a 1-D paste a vector and a rectangle a matrix', () => {
    expect(pastedShape([], list([1, 2, 3]), true)).toEqual({ ok: true, value: [3] });
    expect(pastedShape([3], list([1, 2, 3, 4, 5, 6], 2), true)).toEqual({ ok: true, value: [3, 2] });
  });

  it('pastedShape refuses a wrong count when the shape is fixed', () => {
    expect(pastedShape([2], list([1, 2, 3]), false)).toEqual({ ok: false, error: { code: 'count_mismatch', expected: 2, got: 3 } });
  });

  it('pasteValues at the first cell replaces the tensor, reshaping when allowed', () => {
    expect(pasteValues({ shape: [], data: [0] }, list([1, 2, 3]), 0, true)).toEqual({ shape: [3], data: [1, 2, 3] });
  });

  it('pasteValues further on overwrites in place and drops the overflow', () => {
    expect(pasteValues({ shape: [4], data: [0, 0, 0, 0] }, list([7, 8, 9]), 2, true)).toEqual({ shape: [4], data: [0, 0, 7, 8] });
    expect(pasteValues({ shape: [3], data: [0, 0, 0] }, list([5, 6]), 0, false)).toEqual({ shape: [3], data: [5, 6, 0] });
  });
});

describe('resizeData and arangeCount', () => {
  it('resizeData keeps the leading values and pads', () => {
    expect(resizeData([1, 2, 3], 2)).toEqual([1, 2]);
    expect(resizeData([1], 3)).toEqual([1, 0, 0]);
    expect(resizeData([1], 3, (i) => i * 10)).toEqual([1, 10, 20]);
  });

  it('arangeCount(-2, 2.1, 0.25) is 17, as torch.arange', () => {
    expect(arangeCount(-2, 2.1, 0.25)).toEqual({ ok: true, value: 17 });
    expect(arangeCount(0, 5, 1)).toEqual({ ok: true, value: 5 });
    expect(arangeCount(5, 0, -1)).toEqual({ ok: true, value: 5 });
  });

  it('arangeCount refuses an empty, backwards or endless range', () => {
    expect(arangeCount(3, 3, 1)).toEqual({ ok: false, error: { code: 'arange_empty' } });
    expect(arangeCount(5, 0, 1)).toEqual({ ok: false, error: { code: 'arange_empty' } });
    expect(arangeCount(0, 1, 0)).toEqual({ ok: false, error: { code: 'arange_empty' } });
    expect(arangeCount(0, 1e9, 1).ok).toBe(false);
  });
});
