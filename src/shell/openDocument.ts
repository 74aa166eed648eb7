import type { FileError } from '../../engine';
import { joinWords, msg, type Words } from '../i18n/words';
import type { PageOpenResult } from '../store/persistence';
import { commitDocument, type Notice, type Opening, type Workspace } from './workspace';

/** How a document being opened is named in its notices, and where it goes. */
export interface OpenHow {
  /** The undo label of the step. */
  readonly label: string;
  /** The headline when it cannot be opened ("x.json could not be opened; …"), as message keys. */
  readonly refused: Words;
  /** Its name in the "opened with problems" notice. */
  readonly name: Words;
  /** The notice when it opens without problems (none by default). */
  readonly opened?: Notice | null;
  /** Its Recent entry when it has one already. */
  readonly id?: string;
  /** What it was saved with: the selection, the viewport and the Data panel. */
  readonly selection?: readonly string[];
  readonly viewport?: Opening['viewport'];
  readonly datasets?: Opening['datasets'];
}

/**
 * The notice for a document that could not be opened: the plain headline, the engine's
 * `path: message` lines (graph problems worded in the page's language), and the text of an unexpected failure only as a folded detail.
 */
export function refusal(headline: Words, errors: readonly FileError[], technical?: string): Notice {
  const details = errors.length > 0 ? [{ problems: errors }] : [msg('shell.notice.notAGraph')];
  return { kind: 'error', text: headline, details, ...(technical ? { technical } : {}) };
}

/**
 * Opens what the page read (a file, a link, an example, a Recent entry) all or nothing:
 * a document that cannot be read, or that fails while the page takes it in, leaves the
 * open document and Recent exactly as they were and says why.
 */
export function openResult(ws: Workspace, r: PageOpenResult, how: OpenHow): boolean {
  const notify = (n: Parameters<typeof ws.session.notify>[0]) => ws.session.notify(n);
  if (!r.ok) {
    notify(refusal(how.refused, r.errors, r.technical));
    return false;
  }
  const done = commitDocument(ws, { doc: r.file, label: how.label, id: how.id, selection: how.selection, viewport: how.viewport, datasets: how.datasets });
  if (!done.ok) {
    // The engine's own findings usually say what is wrong; the failure itself stays folded away.
    const notice = refusal(how.refused, r.problems, done.technical);
    notify({ ...notice, details: [...(r.problems.length > 0 ? notice.details ?? [] : []), msg('shell.notice.notShown')] });
    return false;
  }
  if (r.problems.length > 0) {
    const opened = msg('shell.notice.openedWithProblems', { name: how.name, count: r.problems.length });
    notify({ kind: 'info', text: how.opened ? joinWords([how.opened.text, opened]) : opened, details: [{ problems: r.problems }] });
  } else {
    notify(how.opened ?? null);
  }
  return true;
}
