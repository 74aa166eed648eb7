import { formatCount, type GraphFile, MAX_FILE_CHARS, serializeGraphFile } from '../../engine';
import type { Language } from '../i18n/language';
import { translate } from '../i18n/useT';
import { runErrorWords } from '../i18n/problemText';
import { msg } from '../i18n/words';
import { runErrorOf } from '../session/runError';
import { emptyDocument } from '../store/edits';
import { isShareHash, openPageText, refuseFromOutside, technicalText } from '../store/persistence';
import { loadFailedNotice } from './loadFailed';
import { openResult } from './openDocument';
import { commitDocument, type Workspace } from './workspace';

/** The suffix of exported graph files. */
export const FILE_SUFFIX = '.gradcanvas.json';

/** The file-name stem of a graph: its name in lower-case words, `graph` without one. */
export function fileStem(name: string | null | undefined): string {
  const base = (name ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return base || 'graph';
}

/** `composite-function-y-2x²-2.gradcanvas.json` from the graph's name, `graph.gradcanvas.json` without one. */
export function exportFileName(doc: GraphFile): string {
  return `${fileStem(doc.name)}${FILE_SUFFIX}`;
}

/**
 * Opens a graph file's text as a new document, first in Recent; the document that was
 * open stays in Recent with its latest state (and Undo brings it back). A file that does
 * not open, or would exceed a size limit, leaves everything as it was and lists the
 * reasons (`path: message`). A
 * well-formed file whose graph is unfinished (an unwired port, a shape mismatch) opens,
 * with its problems listed and marked on the nodes, so exported work in progress comes back.
 */
export function openFileText(ws: Workspace, text: string, fileName: string, lang: Language): boolean {
  return openResult(
    ws,
    refuseFromOutside(openPageText(text)),
    { label: translate(lang, 'shell.open.import', { name: fileName }), refused: msg('shell.notice.badFile', { name: fileName }), name: fileName },
  );
}

/** Opens the graph of a share link's hash as a new document, first in Recent; the previous one stays there. */
export async function openShareLink(ws: Workspace, hash: string, lang: Language): Promise<boolean> {
  if (!isShareHash(hash)) return false;
  let decodeShare: typeof import('../store/shareLink').decodeShare;
  try {
    ({ decodeShare } = await import('../store/shareLink'));
  } catch (e) {
    ws.session.notify(loadFailedNotice(e));
    return false;
  }
  const r = decodeShare(hash);
  if (r === null) return false;
  return openResult(ws, r, {
    label: translate(lang, 'shell.open.share'),
    refused: msg('shell.notice.badShare'),
    name: msg('shell.file.sharedGraph'),
    opened: { kind: 'info', text: msg('shell.notice.sharedOpened') },
  });
}

/** Starts an empty graph as a new document; the previous one stays in Recent (and Undo brings it back). */
export function openNew(ws: Workspace, lang: Language): void {
  const done = commitDocument(ws, { doc: emptyDocument(), label: translate(lang, 'shell.open.new') });
  if (!done.ok) ws.session.notify({ kind: 'error', text: msg('shell.notice.newFailed'), technical: done.technical });
}

/** Whether a dropped or picked file looks like a graph file (by name or type). */
export function isJsonFile(file: { name: string; type: string }): boolean {
  return file.type === 'application/json' || /\.json$/i.test(file.name);
}

/** Starts a download of some text as a file, through a temporary Blob link. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Chromium reads the Blob asynchronously after the click; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Starts a download of the graph as a file. */
export function downloadGraph(doc: GraphFile): void {
  downloadText(exportFileName(doc), serializeGraphFile(doc));
}

/**
 * Starts a download of the graph as a Jupyter notebook (`<name>.ipynb`) with its explanations
 * in `lang`; a graph the export cannot write (no loss, an unfinished graph) gets a notice
 * saying why, and nothing downloads (so does a failed download of the notebook writer).
 */
export async function downloadNotebook(ws: Workspace, doc: GraphFile, lang: Language): Promise<void> {
  let write: typeof import('./notebookFile').notebookText;
  try {
    // The notebook writer downloads the first time it is used; a failed download changes nothing and says so.
    ({ notebookText: write } = await import('./notebookFile'));
  } catch (e) {
    ws.session.notify(loadFailedNotice(e));
    return;
  }
  let notebook: string;
  try {
    notebook = write(doc, lang);
  } catch (e) {
    ws.session.notify({ kind: 'error', text: msg('shell.notice.notebookFailed', { message: runErrorWords(runErrorOf(e)) }) });
    return;
  }
  downloadText(`${fileStem(doc.name)}.ipynb`, notebook, 'application/x-ipynb+json');
}

/**
 * Reads a File's text and opens it. A file too large to be a graph the page opens is
 * refused before it is read; a read failure shows in the notice in plain words.
 */
export async function openFile(ws: Workspace, file: File, lang: Language): Promise<boolean> {
  const notify = (n: Parameters<typeof ws.session.notify>[0]) => ws.session.notify(n);
  // A UTF-16 code unit takes at most three bytes of UTF-8, so a larger file cannot fit the limit.
  if (file.size > 3 * MAX_FILE_CHARS) {
    notify({
      kind: 'error',
      text: msg('shell.notice.badFile', { name: file.name }),
      details: [msg('shell.notice.fileTooLarge', { size: formatCount(file.size), max: formatCount(MAX_FILE_CHARS) })],
    });
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    notify({ kind: 'error', text: msg('shell.notice.readFailed', { name: file.name }), technical: technicalText(e) });
    return false;
  }
  return openFileText(ws, text, file.name, lang);
}
