import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Document } from '@langchain/core/documents';
import type { LoadedIndex } from '../open/loadIndex.js';
import { retrievePassages, type RetrieveOptions } from '../retrievePassages.js';
import type { PassageDocumentMetadata } from '../toPassageDocument.js';

/**
 * newsdesk's retrieval as a LangChain retriever, for use in a LangChain chain: a question gives
 * the passages `retrievePassages` picks (hybrid lexical and dense search, near-duplicate stories
 * collapsed, the relevance floor), best first, as Documents whose metadata carries what a
 * citation needs (title, publisher, published, url, language, sourceId, ordinal). It reads the
 * loaded index it is given; nothing is added through it.
 */
export class PassageRetriever extends BaseRetriever<PassageDocumentMetadata> {
  lc_namespace = ['newsdesk', 'retrievers'];

  constructor(
    private readonly index: LoadedIndex,
    private readonly options: RetrieveOptions = {},
    fields?: BaseRetrieverInput,
  ) {
    super(fields);
  }

  override async _getRelevantDocuments(question: string): Promise<Document<PassageDocumentMetadata>[]> {
    const { passages } = await retrievePassages(this.index, question, this.options);
    return passages.map((passage) => passage.document);
  }
}
