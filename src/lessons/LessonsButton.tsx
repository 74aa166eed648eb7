import { useT } from '../i18n/useT';
import { useLessons, useLessonsApi } from './useLessons';

/** The toolbar's Lessons button: shows or hides the Lessons panel. */
export function LessonsButton() {
  const t = useT();
  const lessons = useLessonsApi();
  const open = useLessons((s) => s.panelOpen);
  if (!lessons) return null;
  return (
    <button type="button" data-testid="toolbar.lessons" aria-pressed={open} title={t('lessons.buttonTitle')} onClick={() => lessons.setPanelOpen(!open)}>
      {t('lessons.button')}
    </button>
  );
}
