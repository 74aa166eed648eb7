import type { GraphFile } from '../../engine';
import type { Session } from '../session/Session';
import type { DatasetsState, Notice as SessionNotice, Viewport } from '../session/types';
import { technicalText } from '../store/persistence';
import { newDocumentId } from './recentStorage';
import type { RecentStore } from './recentStore';

/** The open document and the Recent list it belongs to: what every way of opening a document changes together. */
export interface Workspace {
  readonly session: Session;
  readonly recent: RecentStore;
  /** Writes the open document's pending changes to its Recent entry now; with `force`, writes it even unchanged. */
  flush(force?: boolean): void;
}

/** A message in the notice bar. */
export type Notice = SessionNotice;

/** A document about to replace the open one. */
export interface Opening {
  readonly doc: GraphFile;
  /** The undo label of the step. */
  readonly label: string;
  /** The Recent entry it is stored in; a new entry when absent. */
  readonly id?: string;
  /** The selection it was saved with. */
  readonly selection?: readonly string[];
  /** The viewport it was saved with; none: the canvas fits the graph. */
  readonly viewport?: Viewport | null;
  /** The Data panel it was saved with; none: an empty panel. */
  readonly datasets?: DatasetsState;
}

/**
 * Makes `id` the Recent entry the open document saves to, after saving what is pending to
 * the entry being left (Undo or Redo across an open switches documents this way).
 */
export function switchEntry(ws: Workspace, id: string): void {
  ws.flush();
  ws.recent.getState().setCurrent(id);
}

/**
 * Replaces the open document, all or nothing. The open document's pending changes are
 * saved to its own Recent entry first, so it stays there with its latest state; the new
 * document gets its own entry (or the given one) and is saved at once, with the selection,
 * viewport and Data panel it was saved with (none: empty). Undo of the open goes back to
 * the entry left, Redo to the new one. If anything throws
 * while the page takes the new document in (the engine compiling it, a view reacting to
 * it), the session and Recent are as they were and nothing is saved.
 */
export function commitDocument(ws: Workspace, opening: Opening): { readonly ok: true } | { readonly ok: false; readonly technical: string } {
  const { history } = ws.session.state;
  const previousId = ws.recent.getState().currentId;
  // A document not yet in Recent (an example opened at boot and never touched) is put there before it is left.
  const listed = ws.recent.getState().entries.some((e) => e.id === previousId);
  ws.flush(!listed && history.present.nodes.length > 0);
  const id = opening.id ?? newDocumentId();
  ws.recent.getState().setCurrent(id);
  try {
    // The session takes the document in all or nothing: when it throws, it is as it was.
    const { selection, viewport, datasets } = opening;
    ws.session.open(opening.doc, opening.label, { selection, viewport, datasets, entries: { left: previousId, opened: id } });
  } catch (e) {
    ws.recent.getState().setCurrent(previousId);
    return { ok: false, technical: technicalText(e) };
  }
  ws.flush();
  return { ok: true };
}
