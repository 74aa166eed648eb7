import { joinWords, msg, type Words } from '../i18n/words';
import type { Notice } from '../session/types';
import type { InputBinding } from './bind';

/** Joins names as a sentence does: "A", "A and B", "A, B and C" (「A と B」). */
function joinList(items: readonly Words[]): Words {
  if (items.length <= 1) return items;
  return [joinWords(items.slice(0, -1), msg('datasets.bound.listSep')), msg('datasets.bound.listAnd'), items.at(-1) as Words];
}

/** What Bind did, in one notice (worded when shown): the existing input nodes it rebound (node ← columns) and exactly the nodes it created. */
export function bindNotice(dataset: string, bindings: readonly InputBinding[]): Notice {
  const rebound = bindings.filter((b) => !b.created).map((b) => `${b.id} ← ${b.columns.join(', ')}`);
  const created = bindings
    .filter((b) => b.created)
    .map((b) => [`${b.id} (`, msg(b.columns.length === 1 ? 'datasets.bound.column' : 'datasets.bound.columns', { n: b.columns.length }), ')']);
  const parts: Words[] = [];
  if (rebound.length > 0) parts.push(msg('datasets.bound.rebound', { name: dataset, list: joinList(rebound) }));
  if (created.length > 0) parts.push(msg(created.length === 1 ? 'datasets.bound.createdOne' : 'datasets.bound.created', { list: joinList(created) }));
  return { kind: 'info', text: joinWords(parts) };
}
