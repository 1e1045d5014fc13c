import type { APIEmbed } from 'discord.js';
import type { IngestReport } from '../../../ingest/pipeline/runIngest.js';
import type { Texts } from '../i18n/texts.js';
import { escapeLabel, escapeText } from './escapeText.js';
import { ANSWER_COLOR } from './colors.js';
import { fitEmbed } from './fitEmbed.js';

/** Ids as an escaped list, the count first so a cut list still says how many there were. */
function listIds(ids: readonly string[]): string {
  return ids.length ? `${ids.length}: ${ids.map(escapeLabel).join(', ')}` : '0';
}

/** `/reingest`: what the run added, changed, removed and skipped (with reasons). */
export function formatIngestSummary(report: IngestReport, texts: Texts): APIEmbed {
  const t = texts.reingest;
  const fields = [
    { name: t.added, value: listIds(report.added) },
    { name: t.changed, value: listIds(report.changed) },
    { name: t.removed, value: listIds(report.removed) },
    { name: t.unchanged, value: String(report.unchanged.length), inline: true },
    {
      name: t.skipped,
      value: report.skipped.length ? report.skipped.map((s) => `${escapeLabel(s.sourceId)}: ${escapeText(s.reason)}`).join('\n') : '0',
    },
  ];
  const total = t.total(report.articles, report.passages, report.seconds);
  return fitEmbed({
    title: t.title,
    description: report.generation ? `${total} ${t.nowLive}` : `${t.upToDate} ${total}`,
    color: ANSWER_COLOR,
    fields,
  });
}
