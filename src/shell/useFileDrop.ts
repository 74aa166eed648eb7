import { useEffect, useState } from 'react';
import { useLanguage } from '../i18n/language';
import { useWorkspace } from '../session/useSession';
import { isJsonFile, openFile } from './fileActions';

function carriesFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Opens a graph file dropped anywhere on the page. Only drags that carry files are
 * handled, so the palette's own drag type passes through to the canvas untouched.
 * Returns whether a file is being dragged over the page.
 */
export function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  const ws = useWorkspace();
  useEffect(() => {
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      // relatedTarget is null only when the drag leaves the window itself.
      if (carriesFiles(e) && e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      setOver(false);
      const file = [...(e.dataTransfer?.files ?? [])].find(isJsonFile) ?? e.dataTransfer?.files[0];
      if (file) void openFile(ws, file, useLanguage.getState().lang);
    };
    // Capture phase: the page sees the file before any panel's own drop handler.
    window.addEventListener('dragover', onOver, true);
    window.addEventListener('dragleave', onLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onOver, true);
      window.removeEventListener('dragleave', onLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [ws]);
  return over;
}
