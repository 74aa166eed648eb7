import { addMessages } from '../i18n/messages';
import { plots } from '../i18n/messages/plots';

// The plots' and the gradient check's strings load with their panels, not with the first screen.
addMessages(plots);
