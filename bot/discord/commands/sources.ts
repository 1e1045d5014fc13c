import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { listSources } from '../../../retrieval/listSources.js';
import { describeLanguage } from '../format/describeLanguage.js';
import { formatSourcesPage } from '../format/formatSourcesPage.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import { suggestLanguages, suggestPublishers, suggestTitles } from '../services/suggestChoices.js';
import { parseOptions } from './parseOptions.js';
import type { SlashCommand } from './slashCommand.js';

const optionsSchema = z.object({
  filter: z.string().trim().max(100).nullable(),
  language: z.string().trim().max(35).nullable(),
  publisher: z.string().trim().max(100).nullable(),
});

export const sources: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('List the ingested articles')
    .setDescriptionLocalizations({ id: 'Daftar artikel yang sudah diindeks' })
    .addStringOption((o) =>
      o
        .setName('filter')
        .setDescription('Words in the title, publisher or id')
        .setDescriptionLocalizations({ id: 'Kata dalam judul, penerbit, atau id' })
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName('language')
        .setDescription('Only articles in this language')
        .setDescriptionLocalizations({ id: 'Hanya artikel dalam bahasa ini' })
        .setMaxLength(35)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName('publisher')
        .setDescription('Only articles from this publisher')
        .setDescriptionLocalizations({ id: 'Hanya artikel dari penerbit ini' })
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .toJSON(),

  async execute(interaction, context) {
    const options = parseOptions(optionsSchema, {
      filter: interaction.options.getString('filter'),
      language: interaction.options.getString('language'),
      publisher: interaction.options.getString('publisher'),
    });
    const filter = {
      ...(options.filter ? { text: options.filter } : {}),
      ...(options.language ? { language: options.language } : {}),
      ...(options.publisher ? { publisher: options.publisher } : {}),
    };
    const found = listSources(context.live.current(), filter);
    const key = context.sourceListings.put(filter);
    await interaction.reply({
      ...formatSourcesPage(found, 0, key, pickTexts(interaction.locale)),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },

  async autocomplete(interaction, context) {
    const focused = interaction.options.getFocused(true);
    const index = context.live.current();
    const locale = pickTexts(interaction.locale).locale;
    const choices =
      focused.name === 'language'
        ? suggestLanguages(index, focused.value, (tag) => describeLanguage(tag, locale))
        : focused.name === 'publisher'
          ? suggestPublishers(index, focused.value)
          : suggestTitles(index, focused.value);
    await interaction.respond(choices);
  },
};
