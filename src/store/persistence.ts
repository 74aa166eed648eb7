import { type FileError, type GraphFile, type GraphProblem, openGraphText, PAGE_MAX_NODES, type ProblemCode, serializeGraphFile } from '../../engine';
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

/** Whether a hash is a share link at all (damaged or not). */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}
