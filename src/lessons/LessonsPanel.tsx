import { useState } from 'react';
import { useLanguage } from '../i18n/language';
import { useT } from '../i18n/useT';
import type { Lessons } from './Lessons';
import { LessonsHead } from './LessonsPane';
import { LessonText } from './LessonText';
import type { Lesson } from './schema';
import { useLessons, useLessonsApi } from './useLessons';

/** The Lessons panel beside the inspector: the course's lessons, or the open lesson's step. Non-modal: the rest of the app stays usable. */
export function LessonsPanel() {
  const t = useT();
  const lessons = useLessonsApi();
  const panelOpen = useLessons((s) => s.panelOpen);
  const open = useLessons((s) => s.progress.open);
  const [listing, setListing] = useState(false);
  if (!lessons || !panelOpen) return null;
  const lesson = open ? lessons.lesson(open.id) : undefined;
  return (
    <aside className="pane pane-lessons" aria-label={t('lessons.panel')} data-testid="lessons.panel">
      <LessonsHead close={() => lessons.setPanelOpen(false)} />
      {lesson && open && !listing ? (
        <LessonView lessons={lessons} lesson={lesson} step={open.step} showList={() => setListing(true)} />
      ) : (
        <LessonList lessons={lessons} picked={() => setListing(false)} />
      )}
    </aside>
  );
}

/** Every lesson in the course's order, with its goal and the learner's progress. */
function LessonList({ lessons, picked }: { lessons: Lessons; picked: () => void }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const done = useLessons((s) => s.progress.done);
  return (
    <ol className="lessons-list" data-testid="lessons.list">
      {lessons.course.map((l) => {
        const n = done[l.id]?.length ?? 0;
        const complete = n === l.steps.length;
        return (
          <li key={l.id} className="lessons-item" data-testid={`lessons.item.${l.id}`} data-done={n}>
            <div className="lessons-item__title">
              <span className="lessons-item__number">{t('lessons.number', { n: l.number })}</span> {l.title[lang]}
            </div>
            <p className="lessons-item__goal">{l.goal[lang]}</p>
            <div className="lessons-item__foot">
              <progress max={l.steps.length} value={n} aria-label={t('lessons.progress', { done: n, count: l.steps.length })} />
              <span className="lessons-item__count">{t('lessons.progress', { done: n, count: l.steps.length })}</span>
              <button
                type="button"
                data-testid={`lessons.start.${l.id}`}
                onClick={() => {
                  picked();
                  void lessons.start(l.id);
                }}
              >
                {complete ? t('lessons.restart') : t('lessons.start')}
              </button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The open lesson at one step: where the learner is, what to do, whether it is done, a hint, and the PyTorch it corresponds to. */
function LessonView({ lessons, lesson, step, showList }: { lessons: Lessons; lesson: Lesson; step: number; showList: () => void }) {
  const t = useT();
  const lang = useLanguage((s) => s.lang);
  const done = useLessons((s) => s.progress.done[lesson.id]) ?? [];
  const hint = useLessons((s) => s.hint);
  const settingUp = useLessons((s) => s.settingUp);
  const s = lesson.steps[step - 1];
  const isDone = done.includes(step);
  const count = lesson.steps.length;
  return (
    <div className="lesson" data-testid="lessons.lesson" data-lesson={lesson.id} data-step={step}>
      <p className="lesson__title">
        <span className="lessons-item__number">{t('lessons.number', { n: lesson.number })}</span> {lesson.title[lang]}
      </p>
      <p className="lesson__where" data-testid="lessons.step">
        {t('lessons.step', { n: step, count })}
      </p>
      <ol className="lesson__dots" aria-hidden="true">
        {lesson.steps.map((_, i) => (
          <li key={i} className={`${done.includes(i + 1) ? 'is-done' : ''} ${i + 1 === step ? 'is-current' : ''}`} />
        ))}
      </ol>
      <p className="lesson__text" data-testid="lessons.text">
        <LessonText text={s.text[lang]} />
      </p>
      {settingUp ? (
        <p className="lesson__status" role="status">
          {t('lessons.settingUp')}
        </p>
      ) : (
        <p className={`lesson__status${isDone ? ' is-done' : ''}`} role="status" data-testid="lessons.status" data-done={isDone}>
          {isDone ? t('lessons.stepDone') : t('lessons.stepTodo')}
        </p>
      )}
      {hint && !isDone && (
        <p className="lesson__hint" role="alert" data-testid="lessons.hint">
          <strong>{t('lessons.hint')}:</strong> <LessonText text={s.hint[lang]} />
        </p>
      )}
      {isDone && done.length === count && (
        <p className="lesson__complete" data-testid="lessons.complete">
          {t('lessons.complete')}
        </p>
      )}
      <div className="lesson__nav">
        <button type="button" data-testid="lessons.back" disabled={step <= 1} onClick={() => void lessons.goTo(step - 1)}>
          {t('lessons.back')}
        </button>
        <button type="button" data-testid="lessons.next" className={isDone && step < count ? 'is-primary' : ''} disabled={step >= count} onClick={() => void lessons.goTo(step + 1)}>
          {t('lessons.next')}
        </button>
      </div>
      {s.pytorch && (
        <details className="lesson__pytorch" open data-testid="lessons.pytorch">
          <summary>{t('lessons.pytorch')}</summary>
          <pre>
            <code>{s.pytorch.code}</code>
          </pre>
          {s.pytorch.output && (
            <>
              <p className="lesson__prints">{t('lessons.pytorchPrints')}</p>
              <pre className="lesson__output" data-testid="lessons.pytorchOutput">
                <code>{s.pytorch.output}</code>
              </pre>
            </>
          )}
        </details>
      )}
      <div className="lesson__foot">
        <button type="button" data-testid="lessons.all" onClick={showList}>
          {t('lessons.all')}
        </button>
        <button type="button" data-testid="lessons.leave" title={t('lessons.leaveTitle')} onClick={() => lessons.leave()}>
          {t('lessons.leave')}
        </button>
      </div>
    </div>
  );
}
