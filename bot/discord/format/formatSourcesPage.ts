import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type APIEmbed } from 'discord.js';
import type { SourceSummary } from '../../../retrieval/listSources.js';
import { BUTTON_PREFIX, buildCustomId } from '../components/customId.js';
import type { Texts } from '../i18n/texts.js';
import { describeOrigin } from './describeCitation.js';
import { linkText, showId } from './escapeText.js';
import { ANSWER_COLOR } from './colors.js';
import { fitEmbed } from './fitEmbed.js';

export const SOURCES_PER_PAGE = 10;

export type SourcesPage = { embeds: APIEmbed[]; components: ActionRowBuilder<ButtonBuilder>[] };

/**
 * One page (0-based, clamped to the pages there are) of the article list, with previous/next
 * buttons that refer to the listing's filter by `key`.
 */
export function formatSourcesPage(sources: readonly SourceSummary[], requestedPage: number, key: string, texts: Texts): SourcesPage {
  const pages = Math.max(1, Math.ceil(sources.length / SOURCES_PER_PAGE));
  const page = Math.min(Math.max(0, requestedPage), pages - 1);
  const shown = sources.slice(page * SOURCES_PER_PAGE, (page + 1) * SOURCES_PER_PAGE);
  const lines = shown.map((s, i) => {
    const details = [describeOrigin(s, texts), texts.passageCount(s.passageCount), showId(s.sourceId)].join(' · ');
    return `**${page * SOURCES_PER_PAGE + i + 1}.** ${linkText(s.title, s.url)}\n${details}`;
  });
  const embed = fitEmbed({
    title: texts.sourcesTitle(sources.length),
    description: lines.length ? lines.join('\n\n') : texts.noSources,
    color: ANSWER_COLOR,
    footer: { text: texts.page(page + 1, pages) },
  });
  if (pages === 1) return { embeds: [embed], components: [] };
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(buildCustomId(BUTTON_PREFIX.sourcesPage, key, page - 1))
      .setLabel(texts.previous)
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(page === 0),
    new ButtonBuilder()
      .setCustomId(buildCustomId(BUTTON_PREFIX.sourcesPage, key, page + 1))
      .setLabel(texts.next)
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(page === pages - 1),
  );
  return { embeds: [embed], components: [buttons] };
}
