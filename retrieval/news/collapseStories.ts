import type { IndexReader, PassageRecord } from '../../ingest/index/indexTypes.js';
import { isSameStory } from './storyFingerprint.js';

/** Candidates looked at past the last one taken, for copies of the taken stories to name. */
const COPY_LOOKAHEAD = 10;

export type StoryPick<T> = {
  candidate: T;
  record: PassageRecord;
  /** Near-duplicate articles of this passage's article, best-ranked first (shared by its story's picks). */
  alsoReportedBy: string[];
};

/**
 * Takes ranked passages into at most `limit` picks, at most `perSource` from each story, where
 * a story is an article and its near-duplicates: a copy's passages are never taken, its article
 * is named among the story's other outlets instead.
 */
export function collapseStories<T>(
  store: IndexReader,
  ranked: readonly T[],
  recordOf: (candidate: T) => PassageRecord | undefined,
  { limit, perSource }: { limit: number; perSource: number },
): StoryPick<T>[] {
  type Story = { sourceId: string; taken: number; alsoReportedBy: string[] };
  const stories: Story[] = [];
  const picks: StoryPick<T>[] = [];
  let lookahead = COPY_LOOKAHEAD;
  for (const candidate of ranked) {
    if (picks.length >= limit && lookahead-- <= 0) break;
    const record = recordOf(candidate);
    if (!record) continue;
    const story = stories.find((s) => isSameStory(store, s.sourceId, record.sourceId));
    if (story && story.sourceId !== record.sourceId) {
      if (!story.alsoReportedBy.includes(record.sourceId)) story.alsoReportedBy.push(record.sourceId);
      continue;
    }
    if (picks.length >= limit) continue;
    const own = story ?? { sourceId: record.sourceId, taken: 0, alsoReportedBy: [] };
    if (!story) stories.push(own);
    if (own.taken >= perSource) continue;
    own.taken += 1;
    picks.push({ candidate, record, alsoReportedBy: own.alsoReportedBy });
  }
  return picks;
}
