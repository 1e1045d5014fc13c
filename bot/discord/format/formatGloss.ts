import type { APIEmbed } from 'discord.js';
import type { GlossedPart } from '../../../retrieval/answer/glossAnswer.js';
import type { Texts } from '../i18n/texts.js';
import { ANSWER_COLOR } from './colors.js';
import { escapeText } from './escapeText.js';
import { fitEmbed } from './fitEmbed.js';

/** The Gloss button's reply: each quoted part's word-for-word gloss after its [n], labelled as what it is. */
export function formatGloss(parts: readonly GlossedPart[], texts: Texts): APIEmbed {
  const description = parts.length > 0 ? parts.map((p) => `**[${p.n}]** ${escapeText(p.gloss.text)}`).join('\n\n') : texts.glossNone;
  return fitEmbed({ title: texts.glossTitle, description, footer: { text: texts.glossNote }, color: ANSWER_COLOR });
}
