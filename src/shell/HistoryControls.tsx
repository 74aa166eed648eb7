import { useT } from '../i18n/useT';
import { useSession, useSessionApi } from '../session/useSession';
import { editLabelText } from './editLabel';

/** Undo and Redo; each button's name says which edit it takes back or makes again. */
export function HistoryControls() {
  const t = useT();
  const session = useSessionApi();
  const last = useSession((s) => s.history.past[s.history.past.length - 1]?.label ?? null);
  const next = useSession((s) => s.history.future[0]?.label ?? null);
  return (
    <div className="toolbar-group" role="group" aria-label={t('shell.history.label')}>
      <button
        type="button"
        data-testid="toolbar.undo"
        aria-disabled={last === null}
        title={last === null ? t('shell.history.nothingToUndo') : t('shell.history.undoWhat', { what: editLabelText(t, last) })}
        onClick={() => last !== null && session.undo()}
      >
        {t('shell.history.undo')}
      </button>
      <button
        type="button"
        data-testid="toolbar.redo"
        aria-disabled={next === null}
        title={next === null ? t('shell.history.nothingToRedo') : t('shell.history.redoWhat', { what: editLabelText(t, next) })}
        onClick={() => next !== null && session.redo()}
      >
        {t('shell.history.redo')}
      </button>
    </div>
  );
}
