import type { Document } from '@langchain/core/documents';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { describe, expect, it } from 'vitest';
import { PassageRetriever } from '../../../retrieval/langchain/passageRetriever.js';
import type { PassageDocumentMetadata } from '../../../retrieval/toPassageDocument.js';
import { INDONESIAN_SEED } from '../../helpers/tempWorkspace.js';
import { useSeededIndex } from '../../helpers/useSeededIndex.js';

const QUESTION = 'when did Niger end EU cooperation?';

/** Sources as a LangChain user would put them into a prompt: numbered, each with its citation. */
const formatSources = (documents: Document<PassageDocumentMetadata>[]) =>
  documents
    .map(
      ({ metadata: m, pageContent }, i) =>
        `[${i + 1}] ${m.title} — ${m.publisher}, ${m.published} (${m.sourceId}#${m.ordinal})\n${pageContent}`,
    )
    .join('\n\n');

/** A retrieval-augmented chain: retrieve, fill the prompt, ask the model, read its text. */
function answerChain(retriever: PassageRetriever, model: FakeListChatModel) {
  return RunnableSequence.from([
    { sources: retriever.pipe(formatSources), question: new RunnablePassthrough() },
    ChatPromptTemplate.fromTemplate('Answer from these sources only, citing them as [n].\n\n{sources}\n\nQuestion: {question}'),
    model,
    new StringOutputParser(),
  ]);
}

describe('PassageRetriever', () => {
  const seededIndex = useSeededIndex();

  it(`GIVEN the retriever in a LangChain chain WHEN asked "${QUESTION}" THEN the model is prompted with the Indonesian passage that dates it, cited first`, async () => {
    const prompts: string[] = [];
    const model = new FakeListChatModel({ responses: ['On 4 December 2023 [1].'] });
    const answer = await answerChain(new PassageRetriever(seededIndex()), model).invoke(QUESTION, {
      callbacks: [{ handleChatModelStart: (_model, messages) => void prompts.push(...messages.flat().map((m) => m.text)) }],
    });
    expect(answer).toBe('On 4 December 2023 [1].');
    expect(prompts).toHaveLength(1);
    const first = prompts[0]!.split('\n\n[2]')[0]!;
    expect(first).toContain(`[1] Niger beralih ke kerja sama pertahanan dengan Rusia — Công Luận, 2023-12-05 (${INDONESIAN_SEED}#0)`);
    expect(first).toMatch(/pada tanggal 4 Desember.*Uni Eropa/);
    expect(prompts[0]).toContain(`Question: ${QUESTION}`);
  });

  it('GIVEN a question THEN each Document carries the citation fields of its article', async () => {
    const [best] = await new PassageRetriever(seededIndex()).invoke(QUESTION);
    expect(best?.metadata).toMatchObject({
      sourceId: INDONESIAN_SEED,
      ordinal: 0,
      title: 'Niger beralih ke kerja sama pertahanan dengan Rusia',
      publisher: 'Công Luận',
      published: '2023-12-05',
      url: null,
      language: 'id',
      id: `${INDONESIAN_SEED}#0`,
    });
  });

  it('GIVEN retrieval options THEN the retriever applies them (nothing was published since 2025)', async () => {
    expect(await new PassageRetriever(seededIndex(), { since: '2025-01-01' }).invoke(QUESTION)).toEqual([]);
  });
});
