import { MessageFlags } from 'discord.js';
import { z } from 'zod';
import { createError } from '../../../ingest/core/errors.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import { recordFeedback } from '../services/recordFeedback.js';
import type { ButtonHandler } from './buttonHandler.js';
import { BUTTON_PREFIX } from './customId.js';

const argsSchema = z.tuple([z.string().min(1), z.enum(['up', 'down'])]);

/** 👍 / 👎 under an answer: appended to the feedback file with the question, answer and citations. */
export const feedbackButton: ButtonHandler = {
  prefix: BUTTON_PREFIX.feedback,
  async execute(interaction, args, context) {
    const parsed = argsSchema.safeParse(args);
    const answer = parsed.success ? context.answers.get(parsed.data[0]) : undefined;
    if (!parsed.success || !answer) throw createError('INTERACTION_EXPIRED');
    await recordFeedback(context.config.feedbackLog, {
      vote: parsed.data[1],
      answer,
      userId: interaction.user.id,
      guildId: interaction.guildId,
    });
    await interaction.reply({
      content: pickTexts(interaction.locale).feedbackThanks,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  },
};
