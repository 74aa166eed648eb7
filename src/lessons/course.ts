import { LESSON_FILES, parseCourse } from './courseFiles';
import type { Lesson } from './schema';

/** The validated course; a lesson file that does not validate stops the page with every problem named. */
function loadCourse(): readonly Lesson[] {
  const r = parseCourse(LESSON_FILES);
  if (!r.ok) throw new Error(`The lesson files do not validate:\n${r.errors.join('\n')}`);
  return r.lessons;
}

/** Every lesson, in the course's order. */
export const COURSE: readonly Lesson[] = loadCourse();

/** The lesson with this id, if any. */
export function lessonById(id: string): Lesson | undefined {
  return COURSE.find((l) => l.id === id);
}
