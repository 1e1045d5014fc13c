import { time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { Texts } from '../i18n/texts.js';
import type { SourceDetails } from '../services/describeSource.js';
import { describeDate } from './describeDate.js';
import { describeLanguage } from './describeLanguage.js';
import { escapeLabel, escapeText, safeUrl, showId } from './escapeText.js';
import { ANSWER_COLOR } from './colors.js';
import { fitEmbed } from './fitEmbed.js';

/** Room left for the opening passage once the fields are written. */
const OPENING_MAX_CHARS = 3000;

/** `/source`: one article's details and its opening passage. */
export function formatSourceDetails(source: SourceDetails, texts: Texts): APIEmbed {
  const url = safeUrl(source.url);
  const ingested = new Date(source.ingestedAt);
  return fitEmbed({
    title: escapeLabel(source.title),
    ...(url ? { url } : {}),
    description: source.opening
      ? `**${texts.source.opening}**\n${escapeText(source.opening.slice(0, OPENING_MAX_CHARS))}${source.opening.length > OPENING_MAX_CHARS ? '…' : ''}`
      : undefined,
    color: ANSWER_COLOR,
    fields: [
      { name: texts.source.publisher, value: escapeLabel(source.publisher ?? source.site ?? '—'), inline: true },
      {
        name: texts.source.published,
        value: source.published ? describeDate(source.published, texts.locale) : texts.undated,
        inline: true,
      },
      { name: texts.source.language, value: describeLanguage(source.language, texts.locale), inline: true },
      { name: texts.source.passages, value: String(source.passageCount), inline: true },
      {
        name: texts.source.ingested,
        value: Number.isNaN(ingested.getTime()) ? '—' : time(ingested, TimestampStyles.RelativeTime),
        inline: true,
      },
      { name: texts.source.id, value: showId(source.sourceId), inline: true },
    ],
  });
}
