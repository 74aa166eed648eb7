import { addMessages } from '../i18n/messages';
import { datasets } from '../i18n/messages/datasets';

// The Data panel's strings load with it, not with the first screen.
addMessages(datasets);
