import { formatFileError, loadGraphFile, problemPath } from '../../engine/format/load';
import { compile } from '../../engine';
import { fileToGraph } from '../../engine/format/convert';
import type { GraphFile } from '../../engine/format/schema';
import { serializeGraphFile } from '../../engine/format/save';
import type { Language } from '../i18n/language';
import { translate } from '../i18n/useT';
import type { EditorStore } from '../store/editorStore';
import { emptyDocument } from '../store/edits';
import { encodeShare } from '../store/persistence';

/** The suffix of exported graph files. */
export const FILE_SUFFIX = '.gradcanvas.json';

/** `composite-function-y-2x²-2.gradcanvas.json` from the graph's name, `graph.gradcanvas.json` without one. */
export function exportFileName(doc: GraphFile): string {
  const base = (doc.name ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'graph'}${FILE_SUFFIX}`;
}

/**
 * Opens a graph file's text as one undoable step. A file that does not load leaves the
 * open graph as it was and lists the loader's errors (`path: message`) in the notice. A
 * well-formed file whose graph is unfinished (an unwired port, a shape mismatch) opens,
 * with its problems listed and marked on the nodes, so exported work in progress comes back.
 */
export function openFileText(store: EditorStore, text: string, fileName: string, lang: Language): boolean {
  const r = loadGraphFile(text, { checkGraph: false });
  if (!r.ok) {
    store.getState().notify({ kind: 'error', text: translate(lang, 'shell.notice.badFile', { name: fileName }), details: r.errors.map(formatFileError) });
    return false;
  }
  store.getState().open(r.file, translate(lang, 'shell.open.import', { name: fileName }));
  const problems = graphProblems(r.file);
  if (problems.length > 0) {
    store.getState().notify({ kind: 'info', text: translate(lang, 'shell.notice.openedWithProblems', { name: fileName, count: problems.length }), details: problems });
  }
  return true;
}

/** The graph problems of a document, as `path: message` lines. */
export function graphProblems(doc: GraphFile): string[] {
  return compile(fileToGraph(doc))
    .problems.filter((p) => p.severity === 'error')
    .map((p) => formatFileError({ path: problemPath(doc, p), message: p.message }));
}

/** Replaces the graph with an empty one, undoably. */
export function openNew(store: EditorStore, lang: Language): void {
  store.getState().open(emptyDocument(), translate(lang, 'shell.open.new'));
}

/** The full share link of a graph for a page at `origin + pathname`. */
export function shareLink(doc: GraphFile, where: { origin: string; pathname: string }): string {
  return `${where.origin}${where.pathname}${encodeShare(doc)}`;
}

/** Whether a dropped or picked file looks like a graph file (by name or type). */
export function isJsonFile(file: { name: string; type: string }): boolean {
  return file.type === 'application/json' || /\.json$/i.test(file.name);
}

/** Starts a download of the graph as a file, through a temporary Blob link. */
export function downloadGraph(doc: GraphFile): void {
  const url = URL.createObjectURL(new Blob([serializeGraphFile(doc)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(doc);
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Chromium reads the Blob asynchronously after the click; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a File's text and opens it; a read failure shows in the notice. */
export async function openFile(store: EditorStore, file: File, lang: Language): Promise<boolean> {
  try {
    return openFileText(store, await file.text(), file.name, lang);
  } catch (e) {
    store.getState().notify({ kind: 'error', text: translate(lang, 'shell.notice.readFailed', { reason: (e as Error).message }) });
    return false;
  }
}
