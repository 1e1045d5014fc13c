import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type APIEmbed } from 'discord.js';
import type { Answer } from '../../../retrieval/answer/answerQuestion.js';
import { hasGloss } from '../../../retrieval/answer/glossAnswer.js';
import { BUTTON_PREFIX, buildCustomId } from '../components/customId.js';
import { ANSWER_COLOR, NOTHING_FOUND_COLOR } from './colors.js';
import type { Texts } from '../i18n/texts.js';
import { describeCitation } from './describeCitation.js';
import { escapeText } from './escapeText.js';
import { fitEmbed } from './fitEmbed.js';

export type AnswerReply = { embeds: APIEmbed[]; components: ActionRowBuilder<ButtonBuilder>[] };

/** The answer text as Markdown: the short answer it leads with in bold ("**S-300** — …"). */
function describeAnswer(answer: Answer & { answer: string }): string {
  const lead = answer.shortAnswer?.text;
  if (!lead || !answer.answer.startsWith(lead)) return escapeText(answer.answer);
  return `**${escapeText(lead)}**${escapeText(answer.answer.slice(lead.length))}`;
}

/**
 * An answer as Discord shows it: the question as title, what a follow-up was understood to be
 * about, the answer with its short answer in bold and its [n] markers, one field per cited
 * article with the passages used, and the Passages and 👍/👎 buttons that refer to the answer by
 * `key`. When nothing relevant was found it says so, without buttons.
 */
export function formatAnswerReply(answer: Answer, key: string, texts: Texts): AnswerReply {
  const title = escapeText(answer.question);
  const about = answer.about?.length ? `*${escapeText(texts.aboutTopics(answer.about))}*\n` : '';
  if (!answer.answer) {
    return { embeds: [fitEmbed({ title, description: `${about}${texts.nothingFound}`, color: NOTHING_FOUND_COLOR })], components: [] };
  }
  const embed = fitEmbed({
    title,
    description: `${about}${describeAnswer({ ...answer, answer: answer.answer })}`,
    color: ANSWER_COLOR,
    fields: answer.citations.map((citation) => ({ name: `[${citation.n}]`, value: describeCitation(citation, texts) })),
  });
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(buildCustomId(BUTTON_PREFIX.passages, key))
      .setLabel(texts.passagesButton)
      .setStyle(ButtonStyle.Secondary),
    new ButtonBuilder()
      .setCustomId(buildCustomId(BUTTON_PREFIX.feedback, key, 'up'))
      .setEmoji('👍')
      .setStyle(ButtonStyle.Secondary),
    new ButtonBuilder()
      .setCustomId(buildCustomId(BUTTON_PREFIX.feedback, key, 'down'))
      .setEmoji('👎')
      .setStyle(ButtonStyle.Secondary),
  );
  // Only under an answer quoting an article the dictionaries can gloss into English.
  if (hasGloss(answer))
    buttons.addComponents(
      new ButtonBuilder().setCustomId(buildCustomId(BUTTON_PREFIX.gloss, key)).setLabel(texts.glossButton).setStyle(ButtonStyle.Secondary),
    );
  return { embeds: [embed], components: [buttons] };
}
