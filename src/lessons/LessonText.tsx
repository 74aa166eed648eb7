import { useT } from '../i18n/useT';
import { textParts } from './lessonText';

/** Lesson text with each `[[message.key]]` shown as the control's visible name, in bold. */
export function LessonText({ text }: { text: string }) {
  const t = useT();
  return (
    <>
      {textParts(text).map((p, i) =>
        p.kind === 'text' ? (
          <span key={i}>{p.text}</span>
        ) : (
          <strong key={i} className="lesson-control">
            {t(p.key)}
          </strong>
        ),
      )}
    </>
  );
}
