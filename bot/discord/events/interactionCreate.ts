import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import type { ButtonHandler } from '../components/buttonHandler.js';
import { parseCustomId } from '../components/customId.js';
import type { SlashCommand } from '../commands/slashCommand.js';
import type { BotContext } from '../context.js';
import { fitContent } from '../format/fitEmbed.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { runSafely } from './errorBoundary.js';

/** Tells the user about a failure in whatever way the interaction's state still allows. */
function respondTo(interaction: RepliableInteraction) {
  return (text: string) => {
    const content = fitContent(text);
    // A deferred reply can only be edited: its first follow-up would replace it anyway, with
    // the deferral's visibility.
    if (interaction.deferred && !interaction.replied)
      return interaction.editReply({ content, embeds: [], components: [], allowedMentions: NO_MENTIONS });
    if (interaction.replied) return interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  };
}

/** Routes slash commands, autocompletion and buttons to their handlers, inside the error boundary. */
export function createInteractionHandler(context: BotContext, commands: readonly SlashCommand[], buttons: readonly ButtonHandler[]) {
  const commandsByName = new Map(commands.map((c) => [c.data.name, c]));
  const buttonsByPrefix = new Map(buttons.map((b) => [b.prefix, b]));
  const { logger } = context;

  return async (interaction: Interaction): Promise<void> => {
    const where = { userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId };
    if (interaction.isAutocomplete()) {
      const command = commandsByName.get(interaction.commandName);
      // Suggestions are a convenience: a failure is logged, and the user just sees none.
      await runSafely(
        { command: `${interaction.commandName} (autocomplete)`, ...where },
        logger,
        interaction.locale,
        () => interaction.respond([]),
        async () => {
          await (command?.autocomplete?.(interaction, context) ?? interaction.respond([]));
        },
      );
    } else if (interaction.isChatInputCommand()) {
      const command = commandsByName.get(interaction.commandName);
      await runSafely({ command: interaction.commandName, ...where }, logger, interaction.locale, respondTo(interaction), async () => {
        if (!command) throw new Error(`no handler for the command /${interaction.commandName}`);
        await command.execute(interaction, context);
      });
    } else if (interaction.isButton()) {
      const { prefix, args } = parseCustomId(interaction.customId);
      await runSafely({ command: `button ${prefix}`, ...where }, logger, interaction.locale, respondTo(interaction), async () => {
        const button = buttonsByPrefix.get(prefix);
        if (!button) throw new Error(`no handler for the button ${interaction.customId}`);
        await button.execute(interaction, args, context);
      });
    }
  };
}
