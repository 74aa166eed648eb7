// For tests that check every string: every interface string in both languages, listed, and the
// strings of the parts that load on first use registered, as their code does when it loads.
import '../code/importText';
import '../datasets/csvImport';
import '../datasets/datasetsMessages';
import '../lessons/lessonMessages';
import '../plots/plotMessages';
import '../stepper/explain';
import '../training/trainingMessages';
import { FIRST_SCREEN_MESSAGES } from './firstScreenMessages';
import type { Message } from './messages';
import { code } from './messages/code';
import { codeReasons } from './messages/codeReasons';
import { csv } from './messages/csv';
import { datasets } from './messages/datasets';
import { examples } from './messages/examples';
import { lessons } from './messages/lessons';
import { palette } from './messages/palette';
import { plots } from './messages/plots';
import { stepExplain } from './messages/stepExplain';
import { training } from './messages/training';

/** Every interface string by key, in both languages: the first screen's and those registered where they are used. */
export const MESSAGES: Readonly<Record<string, Message>> = {
  ...FIRST_SCREEN_MESSAGES,
  ...palette,
  ...examples,
  ...code,
  ...codeReasons,
  ...csv,
  ...datasets,
  ...lessons,
  ...plots,
  ...stepExplain,
  ...training,
};
