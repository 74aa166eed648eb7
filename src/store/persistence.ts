import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { formatFileError, loadGraphFile } from '../../engine/format/load';
import type { GraphFile } from '../../engine/format/schema';
import { serializeGraphFile } from '../../engine/format/save';
import type { Viewport } from './editorStore';

/** The local-storage key of the autosaved work. */
export const AUTOSAVE_KEY = 'gradcanvas.autosave.v1';

/** What a reload restores: the graph, the selection and the viewport. */
export interface Session {
  readonly doc: GraphFile;
  readonly selection: readonly string[];
  readonly viewport: Viewport | null;
}

/** Writes the session to storage (the graph in its file format). */
export function saveSession(storage: Storage, s: Session): void {
  storage.setItem(AUTOSAVE_KEY, JSON.stringify({ file: serializeGraphFile(s.doc), selection: s.selection, viewport: s.viewport }));
}

/**
 * Reads the autosaved session. Work in progress with graph problems (an unconnected
 * port, a shape mismatch) restores as it was; unreadable data gives an error and is left
 * in storage untouched so nothing is lost.
 */
export function restoreSession(storage: Storage): { session: Session } | { error: string } | null {
  const raw = storage.getItem(AUTOSAVE_KEY);
  if (raw === null) return null;
  try {
    const saved = JSON.parse(raw) as { file: string; selection?: string[]; viewport?: Viewport | null };
    const r = loadGraphFile(saved.file, { checkGraph: false });
    if (!r.ok) return { error: r.errors.map(formatFileError).join('\n') };
    return { session: { doc: r.file, selection: saved.selection ?? [], viewport: saved.viewport ?? null } };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The URL hash prefix of a share link. */
export const SHARE_PREFIX = '#graph=';

/** A share link's hash: the graph file, deflated and base64url-encoded. */
export function encodeShare(doc: GraphFile): string {
  const bytes = deflateSync(strToU8(serializeGraphFile(doc)), { level: 9 });
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return SHARE_PREFIX + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The graph in a share link's hash, or the reason it cannot be opened. */
export function decodeShare(hash: string): { doc: GraphFile } | { errors: string[] } | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  let text: string;
  try {
    const b64 = hash.slice(SHARE_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    text = strFromU8(inflateSync(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return { errors: ['the share link is damaged: it could not be decompressed'] };
  }
  // Like an imported file, a shared work in progress opens with its problems marked on the nodes.
  const r = loadGraphFile(text, { checkGraph: false });
  return r.ok ? { doc: r.file } : { errors: r.errors.map(formatFileError) };
}
