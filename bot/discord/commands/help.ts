import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import type { SlashCommand } from './slashCommand.js';

export const help: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('How to ask newsdesk about the news')
    .setDescriptionLocalizations({ id: 'Cara bertanya kepada newsdesk tentang berita' })
    .toJSON(),

  async execute(interaction) {
    await interaction.reply({ content: pickTexts(interaction.locale).help, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  },
};
