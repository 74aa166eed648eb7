import { canvas } from './messages/canvas';
import { common } from './messages/common';
import { datasetNotices } from './messages/datasetNotices';
import { inspector } from './messages/inspector';
import { shell } from './messages/shell';
import { trainingRun } from './messages/trainingRun';
import { stepper } from './messages/stepper';
import { session } from './messages/session';
import { lessonsEntry } from './messages/lessonsEntry';
import { problems } from './messages/problems';
import { edits } from './messages/edits';

/**
 * The first screen's strings in both languages. The page downloads only the language it shows
 * (`firstScreenMessages.ts?lang=ja`, served by scripts/oneLanguage.ts; languageStrings.ts), and the
 * other when the language is switched. The palette's and the examples' strings are registered in
 * both languages where they are used, as those look up the English too.
 */
export const FIRST_SCREEN_MESSAGES = {
  ...common,
  ...shell,
  ...canvas,
  ...inspector,
  ...datasetNotices,
  ...trainingRun,
  ...stepper,
  ...session,
  ...lessonsEntry,
  ...problems,
  ...edits,
};
