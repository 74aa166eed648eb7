import { describe, expect, it } from 'vitest';
import { attrSummary, formulaOf, leafSummary, portFallback, portsOf } from './nodeInfo';

describe('nodeInfo', () => {
  it('portsOf(add) is a and b; portsOf(input) is none', () => {
    expect(portsOf('add').map((p) => p.name)).toEqual(['a', 'b']);
    expect(portsOf('input')).toEqual([]);
    expect(portsOf('nope')).toEqual([]);
  });
  it('formulaOf gives the op formula and the leaf symbols', () => {
    expect(formulaOf('square')).toBe('y = x²');
    expect(formulaOf('linear')).toBe('y = x Wᵀ + b');
    expect(formulaOf('input')).toBe('x');
    expect(formulaOf('parameter')).toBe('θ');
    expect(formulaOf('constant')).toBe('c');
  });
  it('portFallback(add.b, {c: 2}) is "c = 2", the default when unset, null for a plain port', () => {
    const [a, b] = portsOf('add');
    expect(portFallback(b, 'add', { c: 2 })).toBe('c = 2');
    expect(portFallback(b, 'add', undefined)).toBe('c = 0');
    expect(portFallback(a, 'add', { c: 2 })).toBeNull();
  });
  it('attrSummary shows numbers, hides defaults of switches and the fallback constant', () => {
    expect(attrSummary('scale', { k: 2 })).toBe('k = 2');
    expect(attrSummary('scale', undefined)).toBe('k = 1');
    expect(attrSummary('add', { c: 2 })).toBe('');
    expect(attrSummary('sum', {})).toBe('');
    expect(attrSummary('sum', { axis: 0, keepdim: true })).toBe('axis = 0, keepdim = true');
    expect(attrSummary('linear', { inFeatures: 3, outFeatures: 2 })).toBe('3 → 2');
    expect(attrSummary('linear', undefined)).toBe('1 → 1');
    expect(attrSummary('mse', { reduction: 'sum' })).toBe('reduction = sum');
    expect(attrSummary('mse', {})).toBe('');
    expect(attrSummary('reshape', { shape: [-1, 1] })).toBe('shape = [-1, 1]');
    expect(attrSummary('reshape', undefined)).toBe('shape = [-1]');
  });
  it("attrSummary(op with its own summary, attributes that do not check out) lists them one by one instead", () => {
    expect(attrSummary('linear', { inFeatures: 'two', outFeatures: 1 })).toBe('inFeatures = two, outFeatures = 1');
  });
  it('leafSummary describes a range, dataset columns and a parameter initialiser', () => {
    expect(leafSummary({ op: 'input', value: { type: 'arange', start: -2, end: 2.1, step: 0.25 } })).toBe('arange(-2, 2.1, 0.25)');
    expect(leafSummary({ op: 'input', value: { type: 'columns', dataset: 'd', columns: ['x1', 'x2'] } })).toBe('d[x1, x2]');
    expect(leafSummary({ op: 'input', value: { type: 'tensor', shape: [], data: [1] } })).toBe('');
    expect(leafSummary({ op: 'parameter', init: { type: 'constant', value: 0 } })).toBe('init 0');
    expect(leafSummary({ op: 'parameter', init: { type: 'constant', value: 0 }, params: { value: { shape: [], data: [3] } } })).toBe('');
  });
});
