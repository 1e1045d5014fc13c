import type { APIEmbed } from 'discord.js';
import type { Answer } from '../../../retrieval/answer/answerQuestion.js';
import type { Texts } from '../i18n/texts.js';
import { describeOrigin } from './describeCitation.js';
import { escapeLabel, safeUrl } from './escapeText.js';
import { DISCORD_LIMITS, fitEmbeds } from './fitEmbed.js';
import { highlightPassage } from './highlightPassage.js';
import { ANSWER_COLOR } from './colors.js';

/**
 * The cited passages in full (or a window around the answer when too long), one embed each —
 * an article cited with two passages has two, both under its one [n] — answer sentences in bold.
 */
export function formatPassages(answer: Answer, texts: Texts): APIEmbed[] {
  const count = Math.max(
    1,
    answer.citations.reduce((sum, c) => sum + c.passages.length, 0),
  );
  // Share the 6,000 characters of a message fairly, keeping room for titles and footers.
  const perPassage = Math.min(DISCORD_LIMITS.description, Math.floor(DISCORD_LIMITS.embedsTotal / count) - 400);
  return fitEmbeds(
    answer.citations.flatMap((citation) =>
      citation.passages.map(({ passage }, i) => {
        const spans = answer.highlights.filter((h) => h.n === citation.n && h.passage === i);
        const url = safeUrl(citation.url);
        const part = citation.passages.length > 1 ? ` (${i + 1}/${citation.passages.length})` : '';
        return {
          title: `${texts.passagesTitle(citation.n)} ${escapeLabel(citation.title)}${part}`,
          ...(url ? { url } : {}),
          description: highlightPassage(passage, spans, perPassage),
          footer: { text: describeOrigin(citation, texts, false) },
          color: ANSWER_COLOR,
        };
      }),
    ),
  );
}
