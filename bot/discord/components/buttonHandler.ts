import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from '../context.js';

/** Handles the buttons whose custom id starts with `prefix` (see `customId.ts`). */
export type ButtonHandler = {
  prefix: string;
  execute(interaction: ButtonInteraction, args: readonly string[], context: BotContext): Promise<void>;
};
