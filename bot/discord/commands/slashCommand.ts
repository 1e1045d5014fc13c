import type { AutocompleteInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { BotContext } from '../context.js';

/** One slash command: the definition deployed to Discord and the code that answers it. */
export type SlashCommand = {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  /** Suggestions for the option being typed, for commands with autocompleted options. */
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
};
