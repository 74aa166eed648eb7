import { useT } from '../i18n/useT';
import { useFileDrop } from './useFileDrop';

/** Handles graph files dropped on the page and shows where to drop while one is dragged. */
export function FileDropOverlay() {
  const t = useT();
  const over = useFileDrop();
  if (!over) return null;
  return (
    <div className="drop-overlay" data-testid="file.dropOverlay" aria-hidden="true">
      <p>{t('shell.file.dropHere')}</p>
    </div>
  );
}
