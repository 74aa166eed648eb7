// Unit tests run without the page's download of the first screen's strings (languageStrings.ts):
// they get them in both languages before each test file runs.
import { FIRST_SCREEN_MESSAGES } from './firstScreenMessages';
import { addMessages } from './messages';

addMessages(FIRST_SCREEN_MESSAGES);
