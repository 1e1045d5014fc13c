import { InteractionContextType, MessageFlags, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { createError } from '../../../ingest/core/errors.js';
import { formatIngestSummary } from '../format/formatIngestSummary.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import type { SlashCommand } from './slashCommand.js';

export const reingest: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('reingest')
    .setDescription('Admins: re-read the articles folder and update the index')
    .setDescriptionLocalizations({ id: 'Admin: baca ulang folder artikel dan perbarui indeks' })
    // Hidden from members without Manage Server; server admins can change that in the
    // Integrations settings, hence the check again in `execute`.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw createError('MISSING_PERMISSION', { permission: 'Manage Server' });
    }
    // Started before acknowledging, so a second /reingest is refused at once.
    const job = context.reingest.start();
    // Marks the job's failure as handled should deferring fail; `await job` below still throws it.
    job.catch(() => undefined);
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const report = await job;
    await interaction.editReply({ embeds: [formatIngestSummary(report, pickTexts(interaction.locale))], allowedMentions: NO_MENTIONS });
  },
};
