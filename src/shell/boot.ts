import type { Language } from '../i18n/language';
import { joinWords, msg } from '../i18n/words';
import { emptyDocument } from '../store/edits';
import { decodeSession, isShareHash, type PageOpenResult, type SavedDocument, technicalText } from '../store/persistence';
import { refusal } from './openDocument';
import { recentNameWords } from './recentActions';
import { inspectRecent, listRecent, markRecentDamaged, migrateLegacy, newDocumentId, type RecentEntry, recentText } from './recentStorage';
import type { Notice, Workspace } from './workspace';

/** Where the app finds its first document. */
export interface BootSources {
  readonly hash: string;
  readonly storage: Storage | null;
  /** The default example, opened as the page opens any text. */
  loadExample(): Promise<PageOpenResult>;
  readonly lang: Language;
  readonly now?: () => number;
  readonly newId?: () => string;
}

/** Where the first document came from. */
export type BootSource = 'share' | 'stored' | 'example' | 'empty';

/** What the app opens on, decided before the first render. */
export interface BootPlan {
  /** The state to start from, with no undo history. */
  readonly session: SavedDocument;
  /** The Recent entry it saves to. */
  readonly id: string;
  readonly source: BootSource;
  /** Recent as stored, after moving older autosaved work into it and marking what cannot be read. */
  readonly entries: readonly RecentEntry[];
  readonly notice: Notice | null;
  /** The hash held a share link: take it out of the address so a reload does not reopen it. */
  readonly clearHash: boolean;
  /** The document is not in storage yet and should be saved at once. */
  readonly saveNow: boolean;
  /** The stored document a share link opened over: what the page goes back to if the shared one cannot be shown. */
  readonly previous?: { readonly session: SavedDocument; readonly id: string };
}

/** The stored document the page was showing last, as far as the boot could open it. */
type Previous =
  | { readonly kind: 'none' }
  /** `inRecent` is false when older autosaved work could not be moved into Recent (storage full). */
  | { readonly kind: 'ok'; readonly session: SavedDocument; readonly id: string; readonly inRecent: boolean }
  | { readonly kind: 'damaged'; readonly entry: RecentEntry; readonly notice: Notice };

/**
 * Picks the first document: a share link in the hash opens as a new document, first in
 * Recent, and the work that was open stays there; else the document last open; else the
 * default example (else an empty graph). Stored text that cannot be opened is never
 * overwritten: it stays in Recent, marked damaged, and the notice says so.
 */
export async function planBoot(src: BootSources): Promise<BootPlan> {
  const t = msg;
  const newId = src.newId ?? newDocumentId;
  const notices: Notice[] = [];
  const { entries, previous } = readStored(src, notices);
  const share = await readShare(src.hash);
  const clearHash = share !== null;
  const plan = (session: SavedDocument, id: string, source: BootSource, saveNow: boolean): BootPlan => ({
    session,
    id,
    source,
    entries: src.storage ? listSafely(src.storage, entries) : entries,
    notice: combine(notices),
    clearHash,
    saveNow,
  });

  if (share?.ok) {
    if (previous.kind === 'damaged') notices.push({ ...previous.notice, text: joinWords([t('shell.notice.sharedOpenedOnly'), t('shell.notice.previousDamaged', { name: recentNameWords(previous.entry) })]) });
    else if (previous.kind === 'ok') notices.push({ kind: 'info', text: t(previous.inRecent ? 'shell.notice.sharedOpened' : 'shell.notice.sharedOpenedOnly') });
    if (share.problems.length > 0) {
      notices.push({ kind: 'info', text: t('shell.notice.openedWithProblems', { name: t('shell.file.sharedGraph'), count: share.problems.length }), details: [{ problems: share.problems }] });
    }
    const shared = plan({ doc: share.file, selection: [], viewport: null }, newId(), 'share', true);
    return previous.kind === 'ok' ? { ...shared, previous: { session: previous.session, id: previous.id } } : shared;
  }
  if (share) notices.push(refusal(t('shell.notice.badShare'), share.errors, share.technical));
  // A document marked damaged before that opens now is saved at once, which clears the mark.
  if (previous.kind === 'ok') return plan(previous.session, previous.id, 'stored', entries.some((e) => e.id === previous.id && e.damaged));
  if (previous.kind === 'damaged') notices.push({ ...previous.notice, text: joinWords([t('shell.notice.previousDamaged', { name: recentNameWords(previous.entry) }), t('shell.notice.exampleInstead')]) });
  const fallback = await openFallback(src, notices);
  // After a damaged document the example is saved at once, first, so the next visit opens it without the same notice.
  return plan(fallback.session, newId(), fallback.source, previous.kind === 'damaged');
}

/**
 * The graph of a share link in the address, by code downloaded only when there is one; a
 * failed download refuses the link as an unexpected failure, and the work that was open stays.
 */
async function readShare(hash: string): Promise<PageOpenResult | null> {
  if (!isShareHash(hash)) return null;
  try {
    return (await import('../store/shareLink')).decodeShare(hash);
  } catch (e) {
    return { ok: false, errors: [], technical: technicalText(e) };
  }
}

/** Moves older autosaved work into Recent, and opens the document that was open last. */
function readStored(src: BootSources, notices: Notice[]): { entries: RecentEntry[]; previous: Previous } {
  const storage = src.storage;
  if (!storage) return { entries: [], previous: { kind: 'none' } };
  const t = msg;
  try {
    const migration = migrateLegacy(storage, (src.now ?? Date.now)(), (src.newId ?? newDocumentId)());
    if (migration.kind === 'failed') {
      notices.push({ kind: 'error', text: t('shell.notice.migrationFailed') });
      const r = decodeSession(migration.text);
      const id = (src.newId ?? newDocumentId)();
      return { entries: inspectRecent(storage), previous: r.ok ? { kind: 'ok', session: r.session, id, inRecent: false } : { kind: 'none' } };
    }
    const entries = inspectRecent(storage);
    const first = entries[0];
    if (!first) return { entries, previous: { kind: 'none' } };
    // Tried even when marked damaged before: if the page can open it now, the work comes back.
    const r = decodeSession(recentText(storage, first.id) ?? '');
    if (r.ok) return { entries, previous: { kind: 'ok', session: r.session, id: first.id, inRecent: true } };
    if (!first.damaged) markRecentDamaged(storage, first.id);
    return { entries, previous: { kind: 'damaged', entry: first, notice: refusal('', r.errors, r.technical) } };
  } catch (e) {
    notices.push({ kind: 'error', text: t('shell.notice.storageUnreadable'), technical: technicalText(e) });
    return { entries: [], previous: { kind: 'none' } };
  }
}

// The list again after the boot marked what it could not open (an index read: the texts were checked already).
function listSafely(storage: Storage, fallback: RecentEntry[]): RecentEntry[] {
  try {
    return listRecent(storage);
  } catch {
    return fallback;
  }
}

/** The default example, else an empty graph; a failure to load it joins the notices. */
async function openFallback(src: BootSources, notices: Notice[]): Promise<{ session: SavedDocument; source: BootSource }> {
  let example: PageOpenResult;
  try {
    example = await src.loadExample();
  } catch (e) {
    example = { ok: false, errors: [], technical: technicalText(e) };
  }
  if (example.ok) return { session: { doc: example.file, selection: [], viewport: null }, source: 'example' };
  notices.push(refusal(msg('shell.notice.exampleFailed'), example.errors, example.technical));
  return { session: { doc: emptyDocument(), selection: [], viewport: null }, source: 'empty' };
}

/** Several boot notices as one: errors win, texts and details in order. */
function combine(notices: readonly Notice[]): Notice | null {
  if (notices.length === 0) return null;
  if (notices.length === 1) return notices[0];
  const details = notices.flatMap((n) => n.details ?? []);
  const technical = notices.flatMap((n) => (n.technical ? [n.technical] : [])).join('\n');
  return {
    kind: notices.some((n) => n.kind === 'error') ? 'error' : 'info',
    text: joinWords(notices.map((n) => n.text)),
    ...(details.length > 0 ? { details } : {}),
    ...(technical ? { technical } : {}),
  };
}

/**
 * Puts the plan into the workspace: the boot document is not an undoable step. If the page
 * fails while taking the document in (the engine throwing on it), the failure is returned
 * instead of thrown, so the boot can open something else rather than leave a blank page.
 */
export function applyBoot(ws: Pick<Workspace, 'session' | 'recent'>, plan: BootPlan): { readonly ok: true } | { readonly ok: false; readonly technical: string } {
  const { doc, selection, viewport, datasets } = plan.session;
  ws.recent.setState({ entries: plan.entries, currentId: plan.id });
  try {
    ws.session.load(doc, selection, viewport);
  } catch (e) {
    return { ok: false, technical: technicalText(e) };
  }
  if (datasets) ws.session.restoreDatasets(datasets);
  ws.session.notify(plan.notice);
  return { ok: true };
}

/**
 * Plans and applies the boot, never leaving the page without a document: a first document
 * that makes the page fail is kept as it is stored (marked damaged in Recent), and the
 * example opens instead, else an empty graph.
 */
export async function bootWorkspace(ws: Pick<Workspace, 'session' | 'recent'>, src: BootSources): Promise<BootPlan> {
  const plan = await planBoot(src);
  const applied = applyBoot(ws, plan);
  if (applied.ok) return plan;
  const t = msg;
  if (plan.source === 'stored' && src.storage) ws.recent.getState().markDamaged(plan.id);
  const entry = ws.recent.getState().entries.find((e) => e.id === plan.id);
  const headline =
    plan.source === 'share' ? t('shell.notice.badShare') : plan.source === 'stored' ? t('shell.notice.previousDamaged', { name: recentNameWords(entry ?? { name: plan.session.doc.name ?? null }) }) : t('shell.notice.exampleFailed');
  const notices: Notice[] = [{ kind: 'error', text: headline, details: [t('shell.notice.notShown')], technical: applied.technical }];
  const base = { ...plan, entries: ws.recent.getState().entries, saveNow: false, previous: undefined };
  if (plan.previous) {
    // The shared graph could not be shown: the work that was open stays open.
    const back: BootPlan = { ...base, session: plan.previous.session, id: plan.previous.id, source: 'stored', notice: combine(notices) };
    if (applyBoot(ws, back).ok) return back;
  }
  const fallback: { session: SavedDocument; source: BootSource } =
    plan.source === 'example' || plan.source === 'empty' ? { session: { doc: emptyDocument(), selection: [], viewport: null }, source: 'empty' } : await openFallback(src, notices);
  const next: BootPlan = { ...base, ...fallback, id: (src.newId ?? newDocumentId)(), notice: combine(notices) };
  if (applyBoot(ws, next).ok) return next;
  const empty: BootPlan = { ...next, session: { doc: emptyDocument(), selection: [], viewport: null }, source: 'empty' };
  applyBoot(ws, empty);
  return empty;
}
