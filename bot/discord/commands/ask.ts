import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { MAX_QUESTION_CHARS } from '../../../retrieval/answer/answerQuestion.js';
import { throttleUpdates } from '../../../retrieval/answer/llm/throttleUpdates.js';
import { escapeText } from '../format/escapeText.js';
import { fitContent } from '../format/fitEmbed.js';
import { formatAnswerReply } from '../format/formatAnswerReply.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import { askQuestion } from '../services/askQuestion.js';
import { parseOptions } from './parseOptions.js';
import type { SlashCommand } from './slashCommand.js';

const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
const optionsSchema = z
  .object({
    question: z.string(),
    public: z.boolean().nullable(),
    since: isoDate.nullable(),
    until: isoDate.nullable(),
  })
  .refine((o) => !o.since || !o.until || o.since <= o.until, { message: 'since must not be after until', path: ['until'] });

export const ask: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a question about the news articles')
    .setDescriptionLocalizations({ id: 'Ajukan pertanyaan tentang artikel berita' })
    .addStringOption((o) =>
      o
        .setName('question')
        .setDescription('What you want to know, e.g. when did Niger end EU cooperation?')
        .setDescriptionLocalizations({ id: 'Yang ingin Anda ketahui, mis. kapan Niger mengakhiri kerja sama dengan UE?' })
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARS),
    )
    .addBooleanOption((o) =>
      o
        .setName('public')
        .setDescription('Show the answer to everyone in the channel (default: only you)')
        .setDescriptionLocalizations({ id: 'Tampilkan jawaban untuk semua orang di kanal (bawaan: hanya Anda)' }),
    )
    .addStringOption((o) =>
      o
        .setName('since')
        .setDescription('Only articles published on or after this date (YYYY-MM-DD)')
        .setDescriptionLocalizations({ id: 'Hanya artikel yang terbit pada atau setelah tanggal ini (YYYY-MM-DD)' })
        .setMaxLength(10),
    )
    .addStringOption((o) =>
      o
        .setName('until')
        .setDescription('Only articles published on or before this date (YYYY-MM-DD)')
        .setDescriptionLocalizations({ id: 'Hanya artikel yang terbit pada atau sebelum tanggal ini (YYYY-MM-DD)' })
        .setMaxLength(10),
    )
    .toJSON(),

  async execute(interaction, context) {
    const options = parseOptions(optionsSchema, {
      question: interaction.options.getString('question', true),
      public: interaction.options.getBoolean('public'),
      since: interaction.options.getString('since'),
      until: interaction.options.getString('until'),
    });
    await context.cooldowns.take('ask', interaction.user.id);
    // Retrieval can take longer than the 3 s Discord allows before the first response.
    await interaction.deferReply(options.public ? {} : { flags: MessageFlags.Ephemeral });
    // A language model's answer streams into the reply; Discord rate-limits edits, hence the throttle.
    const drafts = throttleUpdates((text: string) =>
      interaction.editReply({ content: fitContent(`${escapeText(text)} …`), allowedMentions: NO_MENTIONS }),
    );
    const { answer, key } = await askQuestion(
      context,
      options.question,
      { userId: interaction.user.id, guildId: interaction.guildId, channelId: interaction.channelId, via: 'slash' },
      {
        ...(options.since ? { since: options.since } : {}),
        ...(options.until ? { until: options.until } : {}),
        onPartial: (text) => drafts.push(text),
      },
    );
    // A failed draft edit costs nothing: the final edit below replaces it.
    await drafts.flush().catch((error: unknown) => context.logger.warn('streaming an answer draft failed', { error, command: 'ask' }));
    await interaction.editReply({
      content: '',
      ...formatAnswerReply(answer, key, pickTexts(interaction.locale)),
      allowedMentions: NO_MENTIONS,
    });
  },
};
