import { MessageFlags } from 'discord.js';
import { createError } from '../../../ingest/core/errors.js';
import { formatPassages } from '../format/formatPassages.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import type { ButtonHandler } from './buttonHandler.js';
import { BUTTON_PREFIX } from './customId.js';

/** **Passages** under an answer: the cited passages in full, only to the user who clicked. */
export const passagesButton: ButtonHandler = {
  prefix: BUTTON_PREFIX.passages,
  async execute(interaction, [key], context) {
    const answer = key ? context.answers.get(key) : undefined;
    if (!answer) throw createError('INTERACTION_EXPIRED');
    await interaction.reply({
      embeds: formatPassages(answer, pickTexts(interaction.locale)),
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
};
