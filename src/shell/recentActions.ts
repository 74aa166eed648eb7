import type { Language } from '../i18n/language';
import { translate } from '../i18n/useT';
import { decodeSession } from '../store/persistence';
import { downloadText, fileStem } from './fileActions';
import { openResult } from './openDocument';
import type { RecentEntry } from './recentStorage';
import type { Workspace } from './workspace';
import { docNameWords, shownDocName } from './exampleText';
import { msg, type Words } from '../i18n/words';

/** An entry's name as the menu and the notices show it. */
export function recentName(entry: Pick<RecentEntry, 'name'>, lang: Language): string {
  return entry.name === null ? translate(lang, 'shell.untitled') : shownDocName(lang, entry.name);
}

/** An entry's name as `recentName` words it, kept as words for a notice that follows the language. */
export function recentNameWords(entry: Pick<RecentEntry, 'name'>): Words {
  return entry.name === null ? msg('shell.untitled') : docNameWords(entry.name);
}

/**
 * Opens a Recent entry with the selection, viewport and Data panel saved with it; it becomes
 * first, and the document that was open stays in Recent.
 * An entry that cannot be opened is marked damaged and kept exactly as stored.
 */
export function openRecent(ws: Workspace, id: string, lang: Language): boolean {
  const recent = ws.recent.getState();
  const entry = recent.entries.find((e) => e.id === id);
  if (!entry || id === recent.currentId) return false;
  const name = recentName(entry, lang);
  const text = recent.text(id);
  const r = text === null ? { ok: false as const, errors: [{ path: '', message: 'the stored text is gone (storage was cleared)' }] } : decodeSession(text);
  const words = recentNameWords(entry);
  const how = { label: translate(lang, 'shell.open.recent', { name }), refused: msg('shell.notice.recentDamaged', { name: words }), name: words, id };
  const saved = r.ok ? { selection: r.session.selection, viewport: r.session.viewport, datasets: r.session.datasets } : {};
  const opened = openResult(ws, r.ok ? { ok: true, file: r.session.doc, problems: r.problems } : r, { ...how, ...saved });
  if (!opened && text !== null) ws.recent.getState().markDamaged(id);
  return opened;
}

/** The file name a damaged entry's text downloads as: it may not be JSON at all, so it is plain text. */
export function rawFileName(entry: Pick<RecentEntry, 'name'>): string {
  return `${fileStem(entry.name)}.raw.txt`;
}

/** Downloads an entry's stored text exactly as it is, so damaged work can be mended by hand. */
export function exportRecentRaw(ws: Workspace, id: string): void {
  const entry = ws.recent.getState().entries.find((e) => e.id === id);
  const text = ws.recent.getState().text(id);
  if (entry && text !== null) downloadText(rawFileName(entry), text, 'text/plain');
}

/** Removes an entry and its text for good (the user asked); the notice says which one went. */
export function discardRecent(ws: Workspace, id: string): void {
  const entry = ws.recent.getState().entries.find((e) => e.id === id);
  if (!entry || id === ws.recent.getState().currentId) return;
  ws.recent.getState().discard(id);
  ws.session.notify({ kind: 'info', text: msg('shell.notice.discarded', { name: recentNameWords(entry) }) });
}
