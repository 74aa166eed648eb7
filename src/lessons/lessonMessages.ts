import { addMessages } from '../i18n/messages';
import { code } from '../i18n/messages/code';
import { datasets } from '../i18n/messages/datasets';
import { lessons } from '../i18n/messages/lessons';
import { plots } from '../i18n/messages/plots';
import { training } from '../i18n/messages/training';

// The lessons' strings load with them, and so do those of the panels whose controls a lesson
// names (`[[train.start]]`): a lesson names them before their panel has loaded.
addMessages({ ...lessons, ...code, ...datasets, ...plots, ...training });
