import { useLanguage } from '../i18n/language';
import { useT } from '../i18n/useT';
import { LessonsButton } from '../lessons/LessonsButton';
import { useSession } from '../session/useSession';
import { shownDocName } from './exampleText';
import { FileMenu } from './FileMenu';
import { HistoryControls } from './HistoryControls';
import { LanguageSwitch } from './LanguageSwitch';
import { RunControls } from './RunControls';

/** The header: title, the graph's name (in a fixed width, in full in its tooltip), files, history, run controls; the language switch and Lessons stacked at the end, so neither adds a row (the switch on top, where no menu opens over it). */
export function Toolbar() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const name = useSession((s) => s.history.present.name);
  const shownName = name === undefined ? t('shell.untitled') : shownDocName(lang, name);
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>{t('app.title')}</h1>
        <span className="doc-name" data-testid="doc.name" title={shownName}>
          {shownName}
        </span>
      </div>
      <div className="toolbar">
        <FileMenu />
        <HistoryControls />
        <RunControls />
      </div>
      <div className="header-end">
        <LanguageSwitch />
        <LessonsButton />
      </div>
    </header>
  );
}
