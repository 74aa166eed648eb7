import { canvas } from './messages/canvas';
import { common } from './messages/common';
import { datasetNotices } from './messages/datasetNotices';
import { inspector } from './messages/inspector';
import { palette } from './messages/palette';
import { shell } from './messages/shell';
import { trainingRun } from './messages/trainingRun';
import { stepper } from './messages/stepper';
import { session } from './messages/session';
import { lessonsEntry } from './messages/lessonsEntry';
import { problems } from './messages/problems';
import { examples } from './messages/examples';
import { edits } from './messages/edits';

// The strings of parts that load on first use register as their code loads (addMessages): the plots
// (plots/plotMessages.ts), the Data panel and CSV reading (datasets/), the training panel
// (training/trainingMessages.ts), the code panel (code/importText.ts), the step explanation
// (stepper/StepDetails.tsx) and the lessons (lessons/lessonMessages.ts).

/** A string in both languages. */
export interface Message {
  readonly en: string;
  readonly ja: string;
}

/** The strings known so far: the first screen's, then those a panel registers when its code loads. */
const registry: Record<string, Message> = {
  ...common,
  ...shell,
  ...canvas,
  ...palette,
  ...inspector,
  ...datasetNotices,
  ...trainingRun,
  ...stepper,
  ...session,
  ...lessonsEntry,
  ...problems,
  ...examples,
  ...edits,
};

/** Every interface string by key; each area of the app adds its own file under messages/. */
export const MESSAGES: Readonly<Record<string, Message>> = registry;

/** Adds the strings of a part of the page that loads on first use (its panel registers them as its code loads). */
export function addMessages(more: Readonly<Record<string, Message>>): void {
  Object.assign(registry, more);
}
