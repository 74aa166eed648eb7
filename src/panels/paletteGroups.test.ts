import { describe, expect, it } from 'vitest';
import { LEAVES, OPS } from '../../engine';
import { translate } from '../i18n/useT';
import { filterPalette, PALETTE_GROUPS, paletteItems } from './paletteGroups';

const items = paletteItems();
const ops = (sections: ReturnType<typeof filterPalette>) => sections.flatMap((s) => s.items.map((i) => i.op));

describe('paletteGroups', () => {
  it('paletteItems lists every leaf and op once, with its formula', () => {
    expect(items.map((i) => i.op).sort()).toEqual([...LEAVES, ...OPS].map((d) => d.name).sort());
    expect(items.find((i) => i.op === 'square')).toEqual({ op: 'square', group: 'arithmetic', formula: 'y = x²' });
  });

  it('filterPalette with no query gives all six groups in course order', () => {
    const sections = filterPalette(items, '');
    expect(sections.map((s) => s.group)).toEqual(PALETTE_GROUPS);
    expect(sections[0].items.map((i) => i.op)).toEqual(['input', 'parameter', 'constant']);
    expect(ops(sections)).toHaveLength(items.length);
  });

  it('filterPalette("SQU") matches names ignoring case', () => {
    expect(ops(filterPalette(items, 'SQU'))).toEqual(['square']);
  });

  it('filterPalette("x²") and ("a + b") match formulas', () => {
    expect(ops(filterPalette(items, 'x²'))).toEqual(['square']);
    expect(ops(filterPalette(items, 'a + b'))).toEqual(['add']);
  });

  it('filterPalette("cross entropy") ignores spaces and underscores', () => {
    expect(ops(filterPalette(items, 'cross entropy'))).toEqual(['cross_entropy']);
    expect(ops(filterPalette(items, 'bce-with'))).toEqual(['bce_with_logits']);
  });

  it('filterPalette("損失") finds the losses by their Japanese group name', () => {
    const names = (g: string) => [translate('ja', `palette.group.${g}`), translate('en', `palette.group.${g}`)];
    const sections = filterPalette(items, '損失', names);
    expect(sections.map((s) => s.group)).toEqual(['losses']);
    expect(ops(sections)).toEqual(['mse', 'bce', 'bce_with_logits', 'cross_entropy']);
    expect(ops(filterPalette(items, 'activation', names))).toEqual(['sigmoid', 'tanh', 'relu', 'softmax']);
  });

  it('filterPalette drops empty groups and returns nothing for no match', () => {
    expect(filterPalette(items, 'zzz')).toEqual([]);
    expect(filterPalette(items, 'linear').map((s) => s.group)).toEqual(['layers']);
  });

  it('every palette group has a name in both languages', () => {
    for (const g of PALETTE_GROUPS) {
      expect(translate('en', `palette.group.${g}`)).not.toBe(`palette.group.${g}`);
      expect(translate('ja', `palette.group.${g}`)).not.toBe(`palette.group.${g}`);
    }
  });
});
