import { LEAVES, type OpGroup, OPS } from '../../engine';
import { addMessages } from '../i18n/messages';
import { palette } from '../i18n/messages/palette';

// The palette's strings in both languages: its search matches the group names in English too (Palette.tsx).
addMessages(palette);

/** A palette section: the leaves' `data` group and the ops' groups. */
export type PaletteGroup = 'data' | OpGroup;

/** Each section's place, keyed by every group, so a new op group cannot be left out of the palette. */
const ORDER: Readonly<Record<PaletteGroup, number>> = { data: 0, arithmetic: 1, reductions: 2, shapes: 3, layers: 4, activations: 5, losses: 6 };

/** Palette sections in the order a course meets them. */
export const PALETTE_GROUPS: readonly PaletteGroup[] = (Object.keys(ORDER) as PaletteGroup[]).sort((a, b) => ORDER[a] - ORDER[b]);

/** One draggable palette entry. */
export interface PaletteItem {
  readonly op: string;
  readonly group: PaletteGroup;
  readonly formula: string;
}

/** A section with the items that survived the search. */
export interface PaletteSection {
  readonly group: PaletteGroup;
  readonly items: readonly PaletteItem[];
}

/** Every leaf and op, in registry order. */
export function paletteItems(): PaletteItem[] {
  return [...LEAVES, ...OPS].map((d) => ({ op: d.name, group: d.group, formula: d.formula }));
}

// "cross entropy", "cross-entropy" and "crossentropy" should all find cross_entropy; "a+b" finds "y = a + b".
function squash(s: string): string {
  return s.toLowerCase().normalize('NFKC').replace(/[\s_\-−]+/g, '');
}

/**
 * The items grouped in palette order, keeping those whose name, formula or group name contains
 * the query (ignoring case, spaces and underscores); `groupNames` gives the group names in the
 * shown language, so a Japanese search for 損失 finds the losses. Empty sections are dropped.
 */
export function filterPalette(
  items: readonly PaletteItem[],
  query: string,
  groupNames: (g: PaletteGroup) => readonly string[] = (g) => [g],
): PaletteSection[] {
  const q = squash(query);
  const matches = (item: PaletteItem) => q === '' || [item.op, item.formula, ...groupNames(item.group)].some((h) => squash(h).includes(q));
  return PALETTE_GROUPS.map((group) => ({ group, items: items.filter((i) => i.group === group && matches(i)) })).filter((s) => s.items.length > 0);
}
