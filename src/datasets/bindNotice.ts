import type { Language } from '../i18n/language';
import { translate } from '../i18n/useT';
import type { Notice } from '../session/types';
import type { InputBinding } from './bind';

/** Joins names as a sentence does: "A", "A and B", "A, B and C" (「A と B」). */
function joinList(lang: Language, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const sep = translate(lang, 'datasets.bound.listSep');
  return `${items.slice(0, -1).join(sep)}${translate(lang, 'datasets.bound.listAnd')}${items.at(-1) as string}`;
}

/** What Bind did, in one notice: the existing input nodes it rebound (node ← columns) and exactly the nodes it created. */
export function bindNotice(lang: Language, dataset: string, bindings: readonly InputBinding[]): Notice {
  const rebound = bindings.filter((b) => !b.created).map((b) => `${b.id} ← ${b.columns.join(', ')}`);
  const created = bindings
    .filter((b) => b.created)
    .map((b) => `${b.id} (${translate(lang, b.columns.length === 1 ? 'datasets.bound.column' : 'datasets.bound.columns', { n: b.columns.length })})`);
  const parts: string[] = [];
  if (rebound.length > 0) parts.push(translate(lang, 'datasets.bound.rebound', { name: dataset, list: joinList(lang, rebound) }));
  if (created.length > 0) parts.push(translate(lang, created.length === 1 ? 'datasets.bound.createdOne' : 'datasets.bound.created', { list: joinList(lang, created) }));
  return { kind: 'info', text: parts.join(' ') };
}
