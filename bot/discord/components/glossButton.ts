import { MessageFlags } from 'discord.js';
import { createError } from '../../../ingest/core/errors.js';
import { glossAnswer } from '../../../retrieval/answer/glossAnswer.js';
import { formatGloss } from '../format/formatGloss.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import type { ButtonHandler } from './buttonHandler.js';
import { BUTTON_PREFIX } from './customId.js';

/** **Gloss** under an answer quoting a foreign article: its word-for-word English gloss, only to the user who clicked. */
export const glossButton: ButtonHandler = {
  prefix: BUTTON_PREFIX.gloss,
  async execute(interaction, [key], context) {
    const answer = key ? context.answers.get(key) : undefined;
    if (!answer) throw createError('INTERACTION_EXPIRED');
    // The first gloss of a language builds its table (about 1 s for Arabic): defer, so Discord's 3 s cannot run out.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply({
      embeds: [formatGloss(glossAnswer(answer), pickTexts(interaction.locale))],
      allowedMentions: NO_MENTIONS,
    });
  },
};
