import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { formatSourceDetails } from '../format/formatSourceDetails.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import { describeSource } from '../services/describeSource.js';
import { suggestSourceIds } from '../services/suggestChoices.js';
import { parseOptions } from './parseOptions.js';
import type { SlashCommand } from './slashCommand.js';

const optionsSchema = z.object({ id: z.string().trim().min(1).max(100) });

export const source: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription('Show one article: its details and opening passage')
    .setDescriptionLocalizations({ id: 'Tampilkan satu artikel: rinciannya dan kutipan pembukanya' })
    .addStringOption((o) =>
      o
        .setName('id')
        .setDescription('The article (type to search by title)')
        .setDescriptionLocalizations({ id: 'Artikelnya (ketik untuk mencari menurut judul)' })
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .toJSON(),

  async execute(interaction, context) {
    const { id } = parseOptions(optionsSchema, { id: interaction.options.getString('id', true) });
    const details = describeSource(context.live.current(), id);
    await interaction.reply({
      embeds: [formatSourceDetails(details, pickTexts(interaction.locale))],
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },

  async autocomplete(interaction, context) {
    await interaction.respond(suggestSourceIds(context.live.current(), interaction.options.getFocused()));
  },
};
