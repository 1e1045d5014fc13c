import type { EmbedderIdentity } from '../../../ingest/index/manifest.js';
import type { LoadedIndex } from '../../../retrieval/open/loadIndex.js';
import { countCoverageGaps } from './coverageGaps.js';

/** How far back "lately" reaches for the unanswered-question count. */
export const RECENT_GAP_DAYS = 7;

export type ArchiveSummary = {
  articles: number;
  passages: number;
  languages: string[];
  embedder: EmbedderIdentity;
  /** When the generation being served was written. */
  lastIngest: Date;
  unansweredRecently: number;
};

/** What `/about` reports: the served index and how many questions found nothing lately. */
export async function summarizeArchive(index: LoadedIndex, coverageGapLog: string, now = new Date()): Promise<ArchiveSummary> {
  const since = new Date(now.getTime() - RECENT_GAP_DAYS * 24 * 60 * 60 * 1000);
  return {
    articles: index.store.sources.size,
    passages: index.store.passageCount,
    languages: [...new Set([...index.store.sources.values()].map((s) => s.language))].sort(),
    embedder: index.embedder.identity,
    lastIngest: index.createdAt,
    unansweredRecently: await countCoverageGaps(coverageGapLog, since),
  };
}
