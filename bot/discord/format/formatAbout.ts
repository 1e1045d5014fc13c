import { time, TimestampStyles, type APIEmbed } from 'discord.js';
import type { Texts } from '../i18n/texts.js';
import { RECENT_GAP_DAYS, type ArchiveSummary } from '../services/summarizeArchive.js';
import { describeLanguage } from './describeLanguage.js';
import { escapeText } from './escapeText.js';
import { ANSWER_COLOR } from './colors.js';
import { fitEmbed } from './fitEmbed.js';

/** `/about`: what is indexed, with which embedder, since when, and how often questions go unanswered. */
export function formatAbout(summary: ArchiveSummary, texts: Texts): APIEmbed {
  const { embedder } = summary;
  return fitEmbed({
    title: texts.about.title,
    color: ANSWER_COLOR,
    fields: [
      { name: texts.about.articles, value: String(summary.articles), inline: true },
      { name: texts.about.passages, value: String(summary.passages), inline: true },
      {
        name: texts.about.languages,
        value: summary.languages.map((l) => describeLanguage(l, texts.locale)).join(', ') || '—',
        inline: true,
      },
      { name: texts.about.embedder, value: escapeText(`${embedder.provider} / ${embedder.model} (${embedder.dimensions})`), inline: true },
      {
        name: texts.about.lastIngest,
        value: `${time(summary.lastIngest, TimestampStyles.LongDateTime)} (${time(summary.lastIngest, TimestampStyles.RelativeTime)})`,
        inline: true,
      },
      { name: texts.about.unanswered(RECENT_GAP_DAYS), value: String(summary.unansweredRecently), inline: true },
    ],
  });
}
