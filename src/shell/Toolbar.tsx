import { useT } from '../i18n/useT';
import { LessonsButton } from '../lessons/LessonsButton';
import { useSession } from '../session/useSession';
import { FileMenu } from './FileMenu';
import { HistoryControls } from './HistoryControls';
import { LanguageSwitch } from './LanguageSwitch';
import { RunControls } from './RunControls';

/** The header: title, the graph's name (in a fixed width, in full in its tooltip), files, history, run controls and the language switch. */
export function Toolbar() {
  const t = useT();
  const name = useSession((s) => s.history.present.name);
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>{t('app.title')}</h1>
        <span className="doc-name" data-testid="doc.name" title={name ?? t('shell.untitled')}>
          {name ?? t('shell.untitled')}
        </span>
      </div>
      <div className="toolbar">
        <FileMenu />
        <HistoryControls />
        <RunControls />
        <LessonsButton />
      </div>
      <LanguageSwitch />
    </header>
  );
}
