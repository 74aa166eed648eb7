import { useRef } from 'react';
import { useLanguage } from '../i18n/language';
import { useT } from '../i18n/useT';
import { useWorkspace } from '../session/useSession';
import { ExamplesMenu } from './ExamplesMenu';
import { downloadGraph, downloadNotebook, openFile, openNew } from './fileActions';
import { RecentMenu } from './RecentMenu';
import { ShareLink } from './ShareLink';

/** New, Import, Export (JSON and notebook), the examples and Recent menus and the share link. */
export function FileMenu() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const ws = useWorkspace();
  return (
    <div className="toolbar-group file-menu" role="group" aria-label={t('shell.file.label')}>
      <button type="button" data-testid="file.new" title={t('shell.file.newHint')} onClick={() => openNew(ws, useLanguage.getState().lang)}>
        {t('shell.file.new')}
      </button>
      <button type="button" data-testid="file.import" title={t('shell.file.importHint')} onClick={() => input.current?.click()}>
        {t('shell.file.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="file.importInput"
        aria-label={t('shell.file.import')}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Reset first, so picking the same file again still fires a change.
          e.currentTarget.value = '';
          if (file) void openFile(ws, file, useLanguage.getState().lang);
        }}
      />
      <button type="button" data-testid="file.export" title={t('shell.file.exportHint')} onClick={() => downloadGraph(ws.session.state.history.present)}>
        {t('shell.file.export')}
      </button>
      <button
        type="button"
        data-testid="file.exportNotebook"
        title={t('shell.file.exportNotebookHint')}
        onClick={() => void downloadNotebook(ws, ws.session.state.history.present, useLanguage.getState().lang)}
      >
        {t('shell.file.exportNotebook')}
      </button>
      <ExamplesMenu />
      <RecentMenu />
      <ShareLink />
    </div>
  );
}
