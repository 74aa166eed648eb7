import { canvas } from './messages/canvas';
import { common } from './messages/common';
import { datasets } from './messages/datasets';
import { inspector } from './messages/inspector';
import { palette } from './messages/palette';
import { plots } from './messages/plots';
import { shell } from './messages/shell';
import { training } from './messages/training';
import { stepper } from './messages/stepper';
import { session } from './messages/session';
import { lessons } from './messages/lessons';
import { problems } from './messages/problems';
import { examples } from './messages/examples';
import { csv } from './messages/csv';
import { edits } from './messages/edits';
import { code } from './messages/code';

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
  ...plots,
  ...datasets,
  ...training,
  ...stepper,
  ...session,
  ...lessons,
  ...problems,
  ...examples,
  ...csv,
  ...edits,
  ...code,
};

/** Every interface string by key; each area of the app adds its own file under messages/. */
export const MESSAGES: Readonly<Record<string, Message>> = registry;

/** Adds the strings of a part of the page that loads on first use (its panel registers them as its code loads). */
export function addMessages(more: Readonly<Record<string, Message>>): void {
  Object.assign(registry, more);
}
