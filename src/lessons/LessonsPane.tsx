import { useT } from '../i18n/useT';
import { PanelLoadFailed, PanelLoading } from '../shell/lazyPanel';
import { useLessonsHost, useLessonsHostState } from './useLessons';
import './lessons.css';

/** The Lessons panel's heading and its close button. */
export function LessonsHead({ close }: { close: () => void }) {
  const t = useT();
  return (
    <div className="lessons-head">
      <h2>{t('lessons.panel')}</h2>
      <button type="button" className="lessons-close" data-testid="lessons.close" aria-label={t('lessons.close')} title={t('lessons.close')} onClick={close}>
        ×
      </button>
    </div>
  );
}

/**
 * Where the Lessons panel goes beside the inspector: the panel once the lessons' code is here;
 * before that, when the learner asked for it, the panel with a loading line, or with what
 * failed and Try again.
 */
export function LessonsPane() {
  const t = useT();
  const host = useLessonsHost();
  const Panel = useLessonsHostState((s) => s.Panel);
  const wanted = useLessonsHostState((s) => s.wanted);
  const failed = useLessonsHostState((s) => s.failed);
  if (Panel) return <Panel />;
  if (!host || !wanted) return null;
  return (
    <aside className="pane pane-lessons" aria-label={t('lessons.panel')} data-testid="lessons.panel">
      <LessonsHead close={() => host.setPanelOpen(false)} />
      {failed ? <PanelLoadFailed retry={() => void host.load().catch(() => undefined)} /> : <PanelLoading />}
    </aside>
  );
}
