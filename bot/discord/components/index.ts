import type { ButtonHandler } from './buttonHandler.js';
import { feedbackButton } from './feedbackButton.js';
import { glossButton } from './glossButton.js';
import { passagesButton } from './passagesButton.js';
import { sourcesPageButton } from './sourcesPageButton.js';

/** Every button the bot puts under its messages, found by the prefix of their custom id. */
export const buttonHandlers: readonly ButtonHandler[] = [passagesButton, glossButton, feedbackButton, sourcesPageButton];
