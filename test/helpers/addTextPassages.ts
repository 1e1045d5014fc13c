import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { IndexWriter, PassageRecord } from '../../ingest/index/indexTypes.js';

/** A passage to add by its text, with its analysed terms as strings. */
export type TextPassage = Omit<PassageRecord, 'label'> & { terms: readonly string[] };

/** Adds passages to an index as ingest does, embedding their texts with `embeddings` and giving their terms as dictionary ids. */
export async function addTextPassages(
  index: IndexWriter,
  embeddings: EmbeddingsInterface,
  passages: readonly TextPassage[],
): Promise<void> {
  const vectors = await embeddings.embedDocuments(passages.map((p) => p.text));
  const dictionary = index.termDictionary;
  index.addPassages(
    passages.map(({ terms, ...place }, i) => ({
      ...place,
      vector: vectors[i]!,
      termIds: Uint32Array.from(terms, (term) => dictionary.add(term)),
    })),
  );
}
