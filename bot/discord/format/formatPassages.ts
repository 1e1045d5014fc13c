import type { APIEmbed } from 'discord.js';
import type { Answer } from '../../../retrieval/answer/answerQuestion.js';
import type { Texts } from '../i18n/texts.js';
import { describeOrigin } from './describeCitation.js';
import { escapeLabel, safeUrl } from './escapeText.js';
import { DISCORD_LIMITS, fitEmbeds } from './fitEmbed.js';
import { highlightPassage } from './highlightPassage.js';
import { ANSWER_COLOR } from './colors.js';

/** The cited passages in full (or a window around the answer when too long), one embed each, answer sentences in bold. */
export function formatPassages(answer: Answer, texts: Texts): APIEmbed[] {
  const count = Math.max(1, answer.citations.length);
  // Share the 6,000 characters of a message fairly, keeping room for titles and footers.
  const perPassage = Math.min(DISCORD_LIMITS.description, Math.floor(DISCORD_LIMITS.embedsTotal / count) - 400);
  return fitEmbeds(
    answer.citations.map((citation) => {
      const spans = answer.highlights.filter((h) => h.n === citation.n);
      const url = safeUrl(citation.url);
      return {
        title: `${texts.passagesTitle(citation.n)} ${escapeLabel(citation.title)}`,
        ...(url ? { url } : {}),
        description: highlightPassage(citation.passage, spans, perPassage),
        footer: { text: describeOrigin(citation, texts, false) },
        color: ANSWER_COLOR,
      };
    }),
  );
}
