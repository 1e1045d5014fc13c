import { ChannelType, cleanContent, ThreadAutoArchiveDuration, type Message } from 'discord.js';
import { createError } from '../../../ingest/core/errors.js';
import type { BotContext } from '../context.js';
import { defuseMassMentions } from '../format/escapeText.js';
import { fitContent } from '../format/fitEmbed.js';
import { formatAnswerReply } from '../format/formatAnswerReply.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import { askQuestion } from '../services/askQuestion.js';
import { runSafely } from './errorBoundary.js';

const THREAD_NAME_MAX = 100;

/**
 * The question a message asks the bot, or null when it is not addressed to it: a message that
 * mentions the bot (Discord sends the content of those even without the Message Content intent),
 * or any message in a configured answer channel.
 */
function questionOf(message: Message<true>, botId: string, answerChannelIds: readonly string[]): string | null {
  const mentioned = message.mentions.users.has(botId);
  if (!mentioned && !answerChannelIds.includes(message.channelId)) return null;
  const withoutBot = message.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ');
  // Other mentions become readable names; the question is echoed in the answer and thread name.
  return defuseMassMentions(cleanContent(withoutBot, message.channel)).replace(/\s+/g, ' ').trim();
}

/** Answers questions asked by mention: in a new thread under the question when possible, so follow-ups stay together. */
export function createMessageHandler(context: BotContext) {
  const { logger, config } = context;
  return async (message: Message): Promise<void> => {
    if (message.author.bot || !message.inGuild()) return;
    const botId = message.client.user.id;
    const question = questionOf(message, botId, config.answerChannelIds);
    if (question === null) return;
    const where = { command: 'mention', userId: message.author.id, guildId: message.guildId, channelId: message.channelId };
    const reply = (text: string) => message.reply({ content: fitContent(text), allowedMentions: NO_MENTIONS });
    await runSafely(where, logger, message.guild.preferredLocale, reply, async () => {
      if (!question) throw createError('EMPTY_QUESTION');
      // A mention is a question too: it shares /ask's cooldown.
      await context.cooldowns.take('ask', message.author.id);
      await message.channel.sendTyping().catch(() => undefined);
      // In a thread, the questions asked there before make a follow-up understood.
      const inThread = message.channel.isThread();
      const history = inThread ? context.conversations.turns(message.channelId) : [];
      const { answer, key } = await askQuestion(
        context,
        question,
        { userId: message.author.id, guildId: message.guildId, channelId: message.channelId, via: 'mention' },
        { history },
      );
      const turn = { question, answer: answer.answer };
      const payload = { ...formatAnswerReply(answer, key, pickTexts(message.guild.preferredLocale)), allowedMentions: NO_MENTIONS };
      const canOpenThread = message.channel.type === ChannelType.GuildText || message.channel.type === ChannelType.GuildAnnouncement;
      if (inThread) context.conversations.add(message.channelId, turn);
      else if (answer.answer && canOpenThread) {
        try {
          const thread = await message.startThread({
            name: question.slice(0, THREAD_NAME_MAX),
            autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
          });
          context.conversations.add(thread.id, turn);
          await thread.send(payload);
          return;
        } catch (error) {
          // Usually a missing Create Public Threads permission: answer in the channel instead.
          logger.warn('could not answer in a thread; replying in the channel', { ...where, error });
        }
      }
      await message.reply(payload);
    });
  };
}
