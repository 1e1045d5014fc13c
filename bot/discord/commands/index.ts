import { about } from './about.js';
import { ask } from './ask.js';
import { help } from './help.js';
import { reingest } from './reingest.js';
import type { SlashCommand } from './slashCommand.js';
import { source } from './source.js';
import { sources } from './sources.js';

/** Every slash command: the bot answers these and `npm run deploy-commands` registers them. */
export const commands: readonly SlashCommand[] = [ask, sources, source, about, help, reingest];
