import { baseLanguage } from '../ingest/text/baseLanguage.js';
import { foldText } from '../ingest/text/foldText.js';
import type { ArticleMeta } from '../ingest/core/article.js';
import type { LoadedIndex } from './open/loadIndex.js';

export type SourceSummary = ArticleMeta & { sourceId: string; passageCount: number };

export type SourceFilter = {
  /** Words that must appear in the title, publisher or id (accents and case ignored). */
  text?: string;
  language?: string;
  publisher?: string;
};

/** The ingested articles, newest first, optionally filtered. */
export function listSources(index: LoadedIndex, filter: SourceFilter = {}): SourceSummary[] {
  const words = filter.text ? foldText(filter.text).split(/\s+/).filter(Boolean) : [];
  const publisher = filter.publisher ? foldText(filter.publisher) : undefined;
  const summaries: SourceSummary[] = [];
  for (const [sourceId, s] of index.store.sources) {
    if (filter.language && baseLanguage(s.language) !== baseLanguage(filter.language)) continue;
    if (publisher && foldText(s.publisher ?? s.site ?? '') !== publisher) continue;
    const haystack = foldText(`${s.title} ${s.publisher ?? ''} ${s.site ?? ''} ${sourceId}`);
    if (!words.every((w) => haystack.includes(w))) continue;
    summaries.push({
      sourceId,
      title: s.title,
      publisher: s.publisher,
      site: s.site,
      published: s.published,
      url: s.url,
      language: s.language,
      passageCount: s.passageCount,
    });
  }
  return summaries.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.sourceId.localeCompare(b.sourceId));
}
