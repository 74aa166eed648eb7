import { useT } from '../i18n/useT';
import { useLessons, useLessonsApi, useLessonsHost, useLessonsHostState } from './useLessons';

/** The toolbar's Lessons button: shows or hides the Lessons panel; a pointer or the keyboard reaching it starts the lessons' download. */
export function LessonsButton() {
  const t = useT();
  const host = useLessonsHost();
  const lessons = useLessonsApi();
  const panelOpen = useLessons((s) => s.panelOpen);
  const wanted = useLessonsHostState((s) => s.wanted);
  if (!host) return null;
  const open = lessons ? panelOpen : wanted;
  const preload = () => void host.load().catch(() => undefined);
  return (
    <button type="button" data-testid="toolbar.lessons" aria-pressed={open} title={t('lessons.buttonTitle')} onPointerEnter={preload} onFocus={preload} onClick={() => host.setPanelOpen(!open)}>
      {t('lessons.button')}
    </button>
  );
}
