import type { DocumentInterface } from '@langchain/core/documents';
import type { ArticleMeta } from '../ingest/core/article.js';
import type { IndexReader, PassageRecord } from '../ingest/index/indexTypes.js';

/** The metadata of every passage Document: the passage's place and its article's citation fields. */
export type PassageDocumentMetadata = Omit<PassageRecord, 'text'> & ArticleMeta & { id: string };

/** A passage's id across generations (labels change when an article is re-ingested): `sourceId#ordinal`. */
const passageId = (sourceId: string, ordinal: number) => `${sourceId}#${ordinal}`;

/**
 * A LangChain document for a stored passage, with its article's citation fields: a plain object
 * of LangChain's DocumentInterface, which its retrievers and chains take. The Document class would
 * do no more, and importing it loads @langchain/core's runnables and langsmith (27 MB and 0.3 s
 * before the first question).
 */
export function toPassageDocument(index: IndexReader, record: PassageRecord): DocumentInterface<PassageDocumentMetadata> {
  const source = index.sources.get(record.sourceId);
  const { text, ...place } = record;
  const id = passageId(record.sourceId, record.ordinal);
  return {
    pageContent: text,
    id,
    metadata: {
      ...place,
      id,
      title: source?.title ?? record.sourceId,
      publisher: source?.publisher ?? null,
      site: source?.site ?? null,
      published: source?.published ?? null,
      url: source?.url ?? null,
      language: source?.language ?? 'und',
    },
  };
}
