import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../retrieval/answer/answerQuestion.js';
import { ARABIC_SEED, INDONESIAN_SEED } from '../../helpers/tempWorkspace.js';
import { useSeededIndex } from '../../helpers/useSeededIndex.js';

describe('answerQuestion over the seeds', () => {
  const seededIndex = useSeededIndex();

  it('GIVEN "when did Niger end EU cooperation?" THEN answers 4 December 2023 citing the Indonesian article as [1]', async () => {
    const answer = await answerQuestion(seededIndex(), 'when did Niger end EU cooperation?');
    expect(answer.answer).toMatch(/^4 December 2023 — .*Uni Eropa.* \[1\]$/);
    expect(answer.citations[0]).toMatchObject({ n: 1, sourceId: INDONESIAN_SEED, title: 'Niger beralih ke kerja sama pertahanan dengan Rusia', publisher: 'Công Luận', published: '2023-12-05', language: 'id' });
    expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, i) => i + 1));
    const [highlight] = answer.highlights;
    expect(answer.citations[0]!.passage.slice(highlight!.start, highlight!.end)).toContain('4 Desember');
  });

  it('GIVEN an English question about the Russian forces THEN the Arabic article is cited', async () => {
    const answer = await answerQuestion(seededIndex(), 'Russian forces at the air base in Niger with American troops');
    expect(answer.answer).not.toBeNull();
    expect(answer.citations.map((c) => c.sourceId)).toContain(ARABIC_SEED);
  });

  it.each(['what is the price of bitcoin today?', 'who won the 2022 football world cup?', 'recipe for chocolate cake'])(
    'GIVEN the unanswerable question "%s" THEN the answer is null with no citations',
    async (question) => {
      const answer = await answerQuestion(seededIndex(), question);
      expect(answer.answer).toBeNull();
      expect(answer.citations).toEqual([]);
    },
  );

  it('GIVEN a date range that excludes every article THEN there is no answer', async () => {
    const answer = await answerQuestion(seededIndex(), 'when did Niger end EU cooperation?', { since: '2025-01-01' });
    expect(answer.answer).toBeNull();
  });

  it('GIVEN an empty or overlong question THEN a user-facing error says what to do', async () => {
    await expect(answerQuestion(seededIndex(), '   ')).rejects.toThrow(/question is empty/);
    await expect(answerQuestion(seededIndex(), 'x'.repeat(501))).rejects.toThrow(/too long/);
  });
});
