import { SCHEMA_WORDING } from '../../engine';
import { hasMessage } from '../i18n/messages';
import { backward } from './content/backward';
import { functions } from './content/functions';
import { gradientDescent } from './content/gradientDescent';
import { trainingLoop } from './content/trainingLoop';
import { nnModules } from './content/nnModules';
import { defineByRun } from './content/defineByRun';
import { tensors } from './content/tensors';
import { partialDerivatives } from './content/partialDerivatives';
import { derivatives } from './content/derivatives';
import { binaryClassification } from './content/binaryClassification';
import { multiclassClassification } from './content/multiclassClassification';
import { controlKeys } from './lessonText';
import { type Lesson, type LessonFile, lessonSchema } from './schema';
import './lessonMessages';

/** The lesson files, in any order (the course orders them by number). */
export const LESSON_FILES: readonly LessonFile[] = [functions, derivatives, partialDerivatives, gradientDescent, tensors, defineByRun, backward, trainingLoop, nnModules, binaryClassification, multiclassClassification];

/**
 * Validates lesson files: the schema, then what the schema cannot see (unique ids and
 * numbers, controls named by message keys that exist). Returns the lessons in course order,
 * or every problem as `lesson id: path: message`.
 */
export function parseCourse(files: readonly unknown[]): { ok: true; lessons: Lesson[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const lessons: Lesson[] = [];
  files.forEach((file, i) => {
    const r = lessonSchema.safeParse(file, { error: SCHEMA_WORDING.localeError });
    const name = (file as { id?: unknown } | null)?.id ?? `#${i + 1}`;
    if (!r.success) {
      for (const issue of r.error.issues) errors.push(`${String(name)}: ${issue.path.join('.') || '(lesson)'}: ${issue.message}`);
      return;
    }
    const lesson = r.data;
    if (lessons.some((l) => l.id === lesson.id)) errors.push(`${lesson.id}: id: used by another lesson`);
    if (lessons.some((l) => l.number === lesson.number)) errors.push(`${lesson.id}: number: ${lesson.number} is used by another lesson`);
    lesson.steps.forEach((step, k) => {
      for (const lang of ['en', 'ja'] as const) {
        for (const key of [...controlKeys(step.text[lang]), ...controlKeys(step.hint[lang])]) {
          if (!hasMessage(key)) errors.push(`${lesson.id}: steps.${k}.${lang}: [[${key}]] is not an interface message`);
        }
      }
    });
    lessons.push(lesson);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lessons: lessons.sort((a, b) => a.number - b.number) };
}
