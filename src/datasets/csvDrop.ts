import type { Session } from '../session/Session';
import { loadFailedNotice } from '../shell/loadFailed';

/** Whether a file looks like CSV by its name or type. */
export function isCsvFile(file: File): boolean {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv';
}

/** Loads an import into the session's Data panel, or its messages (the current draft stays). */
export async function loadCsvFile(session: Session, file: File): Promise<void> {
  let importCsvFile: typeof import('./csvImport').importCsvFile;
  try {
    // The CSV reader downloads on first use, keeping it out of the first screen's JavaScript.
    ({ importCsvFile } = await import('./csvImport'));
  } catch (e) {
    session.notify(loadFailedNotice(e));
    return;
  }
  const r = await importCsvFile(file);
  if (r.ok) session.loadDraft({ name: r.name, dataset: r.dataset, roles: r.roles, textColumns: r.textColumns });
  else session.failDraft(r.messages);
}

/**
 * Takes CSV files dropped anywhere on the page into the Data panel. It listens in the
 * capture phase and is installed before the shell's graph-file drop handler, so a drop of
 * only CSV files stops here; any other drop passes through to the shell untouched.
 */
export function installCsvDrop(target: Window, session: Session): void {
  target.addEventListener(
    'drop',
    (e: DragEvent) => {
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0 || !files.every(isCsvFile)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      // The shell's overlay hides on a drag that leaves the window; tell it the drag is over.
      target.dispatchEvent(new DragEvent('dragleave', { dataTransfer: e.dataTransfer, relatedTarget: null }));
      document.getElementById('side-tab-data')?.click();
      void loadCsvFile(session, files[0]);
    },
    true,
  );
}
