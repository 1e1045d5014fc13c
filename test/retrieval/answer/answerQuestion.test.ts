import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../retrieval/answer/answerQuestion.js';
import { ARABIC_SEED, INDONESIAN_SEED } from '../../helpers/tempWorkspace.js';
import { useSeededIndex } from '../../helpers/useSeededIndex.js';

describe('answerQuestion over the seeds', () => {
  const seededIndex = useSeededIndex();

  it('GIVEN "when did Niger end EU cooperation?" THEN answers 4 December 2023 citing the Indonesian article as [1]', async () => {
    const answer = await answerQuestion(seededIndex(), 'when did Niger end EU cooperation?');
    expect(answer.answer).toMatch(/^4 December 2023 — .*Uni Eropa.* \[1\]$/);
    expect(answer.citations[0]).toMatchObject({
      n: 1,
      sourceId: INDONESIAN_SEED,
      title: 'Niger beralih ke kerja sama pertahanan dengan Rusia',
      publisher: 'Công Luận',
      published: '2023-12-05',
      language: 'id',
    });
    expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, i) => i + 1));
    const [highlight] = answer.highlights;
    expect(answer.citations[0]!.passages[highlight!.passage]!.passage.slice(highlight!.start, highlight!.end)).toContain('4 Desember');
    expect(answer.shortAnswer).toEqual({ text: '4 December 2023', source: '4 Desember', n: 1 });
  });

  it.each([
    ['Which Russian air defense system arrived in Niger?', 'S-300', ARABIC_SEED],
    ['How many French troops were in Niger?', '1,500 troops', INDONESIAN_SEED],
    // The spokesman's name alone, romanised for an English reader, not the words that follow it.
    ['Who is the Kremlin spokesman?', 'Dimtri Biskuf', ARABIC_SEED],
  ])('GIVEN the seed question %j THEN the answer leads with %j, taken from the cited article', async (question, lead, article) => {
    const answer = await answerQuestion(seededIndex(), question);
    expect(answer.answer!.startsWith(`${lead} — `)).toBe(true);
    expect(answer.shortAnswer?.text).toBe(lead);
    const cited = answer.citations.find((c) => c.n === answer.shortAnswer!.n)!;
    expect(cited.sourceId).toBe(article);
    expect(cited.passages.some((p) => p.passage.includes(answer.shortAnswer!.source))).toBe(true);
  });

  it.each([
    'Which Russian air defense system arrived in Niger?',
    'Russian forces at the air base in Niger with American troops',
    'when did Niger end EU cooperation?',
  ])(
    'GIVEN %j, whose article has overlapping passages THEN each article is cited once, with its passages under one number, and no sentence is quoted twice',
    async (question) => {
      const answer = await answerQuestion(seededIndex(), question);
      const articles = answer.citations.map((c) => c.sourceId);
      expect(new Set(articles).size).toBe(articles.length);
      expect(answer.citations.map((c) => c.n)).toEqual(answer.citations.map((_, i) => i + 1));
      for (const c of answer.citations) expect(c.passage).toBe(c.passages[0]!.passage);
      expect(answer.citations.some((c) => c.passages.length > 1)).toBe(true);
      const sentences = answer.highlights.map((h) => answer.citations[h.n - 1]!.passages[h.passage]!.passage.slice(h.start, h.end));
      expect(new Set(sentences).size).toBe(sentences.length);
      for (const sentence of sentences) expect(answer.answer!.split(sentence.slice(0, 40)).length).toBeLessThanOrEqual(2);
    },
  );

  it('GIVEN a follow-up after the flagship question THEN it is answered about the carried subject and says so', async () => {
    const history = [{ question: 'when did Niger end EU cooperation?', answer: null }];
    const answer = await answerQuestion(seededIndex(), 'and when did the US one end?', { history });
    expect(answer.about).toEqual(['Niger', 'US cooperation']);
    expect(answer.shortAnswer?.text).toBe('March 2024');
    expect(answer.citations.find((c) => c.n === answer.shortAnswer!.n)?.sourceId).toBe(ARABIC_SEED);
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
