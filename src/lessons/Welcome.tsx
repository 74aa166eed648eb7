import { useEffect, useRef } from 'react';
import { useLanguage } from '../i18n/language';
import { useT } from '../i18n/useT';
import { useLessons, useLessonsApi } from './useLessons';

/** The first-visit welcome: lesson 1 or the free canvas, a button each; once answered it never shows again. */
export function Welcome() {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const lessons = useLessonsApi();
  const open = useLessons((s) => s.welcomeOpen);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  if (!lessons || !open) return null;
  const lesson = lessons.course[0];
  return (
    <div
      className="welcome"
      role="dialog"
      aria-labelledby="welcome-title"
      data-testid="welcome"
      onKeyDown={(e) => {
        if (e.key === 'Escape') lessons.dismissWelcome();
      }}
    >
      <h2 id="welcome-title">{t('lessons.welcome.title')}</h2>
      <p>{t('lessons.welcome.text')}</p>
      <div className="welcome__actions">
        {lesson && (
          <button ref={first} type="button" className="is-primary" data-testid="welcome.lesson" onClick={() => void lessons.start(lesson.id)}>
            {t('lessons.welcome.lesson', { title: lesson.title[lang] })}
          </button>
        )}
        <button type="button" data-testid="welcome.canvas" onClick={() => lessons.dismissWelcome()}>
          {t('lessons.welcome.canvas')}
        </button>
      </div>
      <p className="welcome__later">{t('lessons.welcome.later')}</p>
    </div>
  );
}
