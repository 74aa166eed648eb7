import { FIRST_SCREEN_MESSAGES } from '../i18n/firstScreenMessages';
import { addMessages } from '../i18n/messages';
import { LESSON_FILES, parseCourse } from './courseFiles';

// The build validates the course outside the page: every interface string is known, in both languages.
addMessages(FIRST_SCREEN_MESSAGES);

/** The course's lessons validated as the build checks them (vite.config.ts), with every interface string known. */
export function validateCourse(): ReturnType<typeof parseCourse> {
  return parseCourse(LESSON_FILES);
}
