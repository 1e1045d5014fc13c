import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { formatAbout } from '../format/formatAbout.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import { summarizeArchive } from '../services/summarizeArchive.js';
import type { SlashCommand } from './slashCommand.js';

export const about: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('about')
    .setDescription('What newsdesk has indexed: articles, languages, last ingest')
    .setDescriptionLocalizations({ id: 'Apa yang diindeks newsdesk: artikel, bahasa, pengindeksan terakhir' })
    .toJSON(),

  async execute(interaction, context) {
    const summary = await summarizeArchive(context.live.current(), context.config.coverageGapLog);
    await interaction.reply({
      embeds: [formatAbout(summary, pickTexts(interaction.locale))],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
};
