import { addMessages } from '../i18n/messages';
import { training } from '../i18n/messages/training';

// The training panel's strings load with it, not with the first screen.
addMessages(training);
