import { createError } from '../../../ingest/core/errors.js';
import type { SourceRecord } from '../../../ingest/index/manifest.js';
import type { LoadedIndex } from '../../../retrieval/open/loadIndex.js';

export type SourceDetails = SourceRecord & { sourceId: string; opening: string | null };

/** One article's record and its first passage; throws UNKNOWN_SOURCE for an id not in the index. */
export function describeSource(index: LoadedIndex, sourceId: string): SourceDetails {
  const record = index.store.sources.get(sourceId);
  if (!record) throw createError('UNKNOWN_SOURCE', { id: sourceId });
  let opening: { ordinal: number; text: string } | null = null;
  for (const passage of index.store.passages()) {
    if (passage.sourceId === sourceId && (!opening || passage.ordinal < opening.ordinal)) opening = passage;
  }
  return { ...record, sourceId, opening: opening?.text ?? null };
}
