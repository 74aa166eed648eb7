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

/** Every interface string by key; each area of the app adds its own file under messages/. */
export const MESSAGES: Readonly<Record<string, Message>> = {
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
