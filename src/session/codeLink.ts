import type { CodeLinkState, SessionState } from './types';

/** No node entering, lit or hovered. */
export const IDLE_CODE_LINK: CodeLinkState = { entering: { doc: null, ids: new Set() }, lit: new Set(), hovered: null };

/** Whether the code just added this node to the document shown (it is drawn entering). */
export function isEntering(s: SessionState, id: string): boolean {
  const e = s.codeLink.entering;
  return e.doc === s.history.present && e.ids.has(id);
}

/** Whether the pointer is on the statement that made this node, in the code editor. */
export function isLinked(s: SessionState, id: string): boolean {
  return s.codeLink.lit.has(id);
}

/** Whether two id sets hold the same ids. */
export function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}
