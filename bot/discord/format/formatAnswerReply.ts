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

/**
 * An answer as Discord shows it: the question as title, the answer with its [n] markers, one
 * field per citation, and the Passages and 👍/👎 buttons that refer to the answer by `key`.
 * When nothing relevant was found it says so, without buttons.
 */
export function formatAnswerReply(answer: Answer, key: string, texts: Texts): AnswerReply {
  const title = escapeText(answer.question);
  if (!answer.answer) {
    return { embeds: [fitEmbed({ title, description: texts.nothingFound, color: NOTHING_FOUND_COLOR })], components: [] };
  }
  const embed = fitEmbed({
    title,
    description: escapeText(answer.answer),
    color: ANSWER_COLOR,
    fields: answer.citations.map((citation) => ({ name: `[${citation.n}]`, value: describeCitation(citation, texts) })),
  });
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(buildCustomId(BUTTON_PREFIX.passages, key)).setLabel(texts.passagesButton).setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(buildCustomId(BUTTON_PREFIX.feedback, key, 'up')).setEmoji('👍').setStyle(ButtonStyle.Secondary),
    new ButtonBuilder().setCustomId(buildCustomId(BUTTON_PREFIX.feedback, key, 'down')).setEmoji('👎').setStyle(ButtonStyle.Secondary),
  );
  // Only under an answer quoting an article the dictionaries can gloss into English.
  if (hasGloss(answer)) buttons.addComponents(new ButtonBuilder().setCustomId(buildCustomId(BUTTON_PREFIX.gloss, key)).setLabel(texts.glossButton).setStyle(ButtonStyle.Secondary));
  return { embeds: [embed], components: [buttons] };
}
