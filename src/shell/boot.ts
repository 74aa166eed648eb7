import type { GraphFile } from '../../engine/format/schema';
import { translate } from '../i18n/useT';
import type { Language } from '../i18n/language';
import type { EditorState, EditorStore } from '../store/editorStore';
import { emptyDocument } from '../store/edits';
import { decodeShare, restoreSession, type Session } from '../store/persistence';

type Notice = EditorState['notice'];

/** Where the app finds its first document. */
export interface BootSources {
  readonly hash: string;
  readonly storage: Storage | null;
  /** The default example, or the reasons it could not be loaded. */
  loadExample(): Promise<{ doc: GraphFile } | { errors: string[] }>;
  readonly lang: Language;
}

/** What the app opens on, decided before the first render. */
export interface BootPlan {
  /** The state to start from, with no undo history. */
  readonly session: Session;
  /** A shared graph opened over existing work as one undoable step, so Undo brings the work back. */
  readonly shared: GraphFile | null;
  readonly notice: Notice;
  /** The hash held a share link: take it out of the address so a reload does not reopen it. */
  readonly clearHash: boolean;
  /** The session differs from what storage holds and should be saved at once. */
  readonly saveNow: boolean;
  /** Storage holds autosaved work that could not be restored; it must survive until the user edits. */
  readonly keepStored: boolean;
}

/**
 * Picks the first document: a share link in the hash, else the autosaved session, else the
 * default example (else an empty graph). Unreadable autosave data is reported and left in
 * storage untouched.
 */
export async function planBoot(src: BootSources): Promise<BootPlan> {
  const t = (key: string) => translate(src.lang, key);
  const notices: NonNullable<Notice>[] = [];
  const share = decodeShare(src.hash);
  if (share && 'errors' in share) notices.push({ kind: 'error', text: t('shell.notice.badShare'), details: share.errors });
  const restored = src.storage ? restoreSession(src.storage) : null;
  if (restored && 'error' in restored) notices.push({ kind: 'error', text: t('shell.notice.badAutosave'), details: restored.error.split('\n') });
  const saved = restored && 'session' in restored ? restored.session : null;
  const clearHash = share !== null;
  const keepStored = restored !== null && 'error' in restored;

  if (share && 'doc' in share) {
    if (saved) return { session: saved, shared: share.doc, notice: notices[0] ?? { kind: 'info', text: t('shell.notice.sharedOpened') }, clearHash, saveNow: true, keepStored };
    return { session: { doc: share.doc, selection: [], viewport: null }, shared: null, notice: notices[0] ?? null, clearHash, saveNow: true, keepStored };
  }
  if (saved) return { session: saved, shared: null, notice: notices[0] ?? null, clearHash, saveNow: false, keepStored };
  const example = await src.loadExample();
  if ('errors' in example) notices.push({ kind: 'error', text: t('shell.notice.exampleFailed'), details: example.errors });
  const doc = 'doc' in example ? example.doc : emptyDocument();
  return { session: { doc, selection: [], viewport: null }, shared: null, notice: notices[0] ?? null, clearHash, saveNow: false, keepStored };
}

/** Puts the plan into the store: the boot document is not an undoable step. */
export function applyBoot(store: EditorStore, plan: BootPlan, lang: Language): void {
  const { doc, selection, viewport } = plan.session;
  store.setState({ history: { present: doc, past: [], future: [] }, selection: keepExisting(doc, selection), viewport, notice: null });
  if (plan.shared) store.getState().open(plan.shared, translate(lang, 'shell.open.share'));
  store.getState().notify(plan.notice);
}

function keepExisting(doc: GraphFile, selection: readonly string[]): string[] {
  return selection.filter((id) => doc.nodes.some((n) => n.id === id));
}
