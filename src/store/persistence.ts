import { deflateSync, Inflate, strToU8 } from 'fflate';
import { type FileError, formatCount, type GraphFile, type GraphProblem, MAX_FILE_CHARS, openGraphText, PAGE_MAX_NODES, type ProblemCode, serializeGraphFile } from '../../engine';
import { readDatasets, saveDatasets } from '../datasets/savedDraft';
import type { DatasetsState, Viewport } from '../session/types';

/** The local-storage key of the one autosaved document kept before the Recent list; read once, to move it into the list. */
export const LEGACY_AUTOSAVE_KEY = 'gradcanvas.autosave.v1';

/** What a reload restores of a document: the graph (with its history), the selection, the viewport, and the Data panel's draft beside it. */
export interface SavedDocument {
  readonly doc: GraphFile;
  readonly selection: readonly string[];
  readonly viewport: Viewport | null;
  /** The Data panel as it was (a CSV imported but not yet bound); absent in older saves. */
  readonly datasets?: DatasetsState;
}

/**
 * A document the page tried to open: all of it, with its graph problems to mark on the
 * nodes, or every reason it cannot open. `technical` carries the text of an unexpected
 * failure, for a collapsed detail only; an empty `errors` list means the failure was unexpected.
 */
export type PageOpenResult =
  | { readonly ok: true; readonly file: GraphFile; readonly problems: readonly GraphProblem[] }
  | { readonly ok: false; readonly errors: readonly FileError[]; readonly technical?: string };

/** The text of an unexpected exception, for a collapsed technical detail (never the headline). */
export function technicalText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/**
 * Opens a document's text the way the page does: the engine's one entry point, with the
 * page's node limit. Never throws: an unexpected failure is reported, not raised.
 */
export function openPageText(text: string): PageOpenResult {
  try {
    return openGraphText(text, { maxNodes: PAGE_MAX_NODES });
  } catch (e) {
    return { ok: false, errors: [], technical: technicalText(e) };
  }
}

/**
 * Problems that make a document from outside (a file, a share link, an example) refused as a
 * whole rather than opened with the node marked: a size over a limit, which could never run
 * here, and stored parameters that do not fit their node's attributes, which the editor never
 * writes (changing attributes re-initialises them), so the file is damaged, not unfinished.
 */
const REFUSED_FROM_OUTSIDE: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['too_large', 'bad_param']);

/**
 * A document from outside with a problem of REFUSED_FROM_OUTSIDE is refused, naming the
 * problem, and the work that is open stays open. The page's own saved documents still open
 * with such a problem marked, so the user can fix what they typed.
 */
export function refuseFromOutside(r: PageOpenResult): PageOpenResult {
  if (!r.ok) return r;
  const refused = r.problems.filter((p) => REFUSED_FROM_OUTSIDE.has(p.code));
  return refused.length > 0 ? { ok: false, errors: refused } : r;
}

/** The stored text of a document with its selection, viewport and the Data panel's draft (the layout of one autosaved document). */
export function encodeSession(s: SavedDocument): string {
  return JSON.stringify({ file: serializeGraphFile(s.doc), selection: s.selection, viewport: s.viewport, ...(s.datasets ? { datasets: saveDatasets(s.datasets) } : {}) });
}

/** A stored document opened as the page opens any text, or why it cannot be. Never throws. */
export function decodeSession(text: string): ({ readonly ok: true; readonly session: SavedDocument; readonly problems: readonly GraphProblem[] }) | Extract<PageOpenResult, { ok: false }> {
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ path: '', message: 'the stored data is not valid JSON (it was cut short or changed outside GradCanvas)' }] };
  }
  if (!isRecord(saved) || typeof saved.file !== 'string') return { ok: false, errors: [{ path: 'file', message: 'the stored data holds no graph file' }] };
  const r = openPageText(saved.file);
  if (!r.ok) return r;
  const selection = Array.isArray(saved.selection) ? saved.selection.filter((id): id is string => typeof id === 'string') : [];
  const datasets = saved.datasets === undefined ? null : readDatasets(saved.datasets);
  return { ok: true, session: { doc: r.file, selection, viewport: readViewport(saved.viewport), ...(datasets ? { datasets } : {}) }, problems: r.problems };
}

/** A quick look at stored text, without opening the graph: the document's name, and whether the text can be read at all. */
export function peekSession(text: string): { readonly readable: boolean; readonly name: string | null } {
  try {
    const saved: unknown = JSON.parse(text);
    if (!isRecord(saved) || typeof saved.file !== 'string') return { readable: false, name: null };
    const file: unknown = JSON.parse(saved.file);
    return { readable: isRecord(file), name: isRecord(file) && typeof file.name === 'string' ? file.name : null };
  } catch {
    return { readable: false, name: null };
  }
}

function readViewport(v: unknown): Viewport | null {
  if (!isRecord(v)) return null;
  const { x, y, zoom } = v;
  return typeof x === 'number' && typeof y === 'number' && typeof zoom === 'number' && [x, y, zoom].every(Number.isFinite) && zoom > 0 ? { x, y, zoom } : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
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

/** Whether a hash is a share link at all (damaged or not). */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** How many input bytes the bounded inflater takes at a time: at most about a megabyte of output per step. */
const INFLATE_STEP = 1024;

/**
 * The text a share link carries, decompressed with a cap: a link that would inflate past
 * `maxBytes` (a zip bomb) is refused before more than one step beyond the cap is held.
 */
export function shareText(hash: string, maxBytes = MAX_FILE_CHARS): { readonly text: string } | { readonly errors: readonly FileError[] } | null {
  if (!isShareHash(hash)) return null;
  const damaged = { errors: [{ path: '', message: 'the link is damaged: it could not be decompressed (it may have been cut short when copied)' }] };
  const b64 = hash.slice(SHARE_PREFIX.length).replace(/-/g, '+').replace(/_/g, '/');
  if (b64.length > maxBytes) return { errors: [{ path: '', message: `the link is ${formatCount(b64.length)} characters long; GradCanvas opens up to ${formatCount(maxBytes)}` }] };
  let bytes: Uint8Array;
  try {
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return damaged;
  }
  if (bytes.length === 0) return damaged;
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  try {
    const inflater = new Inflate((chunk) => {
      total += chunk.length;
      if (total > maxBytes) tooBig = true;
      else chunks.push(chunk);
    });
    for (let i = 0; i < bytes.length && !tooBig; i += INFLATE_STEP) inflater.push(bytes.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= bytes.length);
  } catch {
    return damaged;
  }
  if (tooBig) return { errors: [{ path: '', message: `the link unpacks to more than ${formatCount(maxBytes)} bytes; GradCanvas opens documents of up to ${formatCount(maxBytes)} characters` }] };
  const joined = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.length;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(joined) };
  } catch {
    return damaged;
  }
}

/** The graph in a share link's hash, opened as the page opens any text; null when the hash is not a share link. */
export function decodeShare(hash: string): PageOpenResult | null {
  const r = shareText(hash);
  if (r === null) return null;
  return 'text' in r ? refuseFromOutside(openPageText(r.text)) : { ok: false, errors: r.errors };
}
