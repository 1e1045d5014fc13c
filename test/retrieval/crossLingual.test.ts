import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import { retrievePassages } from '../../retrieval/retrievePassages.js';
import { ARABIC_SEED, INDONESIAN_SEED } from '../helpers/tempWorkspace.js';
import { useSeededIndex } from '../helpers/useSeededIndex.js';

describe('English questions over the Indonesian and Arabic seeds', () => {
  const seededIndex = useSeededIndex();

  it('GIVEN "Russian S-300 air defence in Niger" THEN the Arabic article about the air defence systems comes first', async () => {
    const { passages } = await retrievePassages(seededIndex(), 'Russian S-300 air defence in Niger');
    expect(passages[0]?.record.sourceId).toBe(ARABIC_SEED);
    expect(passages[0]?.document.pageContent).toContain('الدفاع الجوي');
  });

  it('GIVEN "when did Niger end EU cooperation?" THEN the Indonesian article is cited first, with the date', async () => {
    const answer = await answerQuestion(seededIndex(), 'when did Niger end EU cooperation?');
    expect(answer.citations[0]?.sourceId).toBe(INDONESIAN_SEED);
    expect(answer.answer).toMatch(/^4 December 2023 — /);
  });

  it('GIVEN a question naming the delegation THEN the answer is the Indonesian sentence about it (delegasi, by cognate)', async () => {
    const answer = await answerQuestion(seededIndex(), 'Who led the Russian delegation that visited Niger?');
    expect(answer.citations[0]?.sourceId).toBe(INDONESIAN_SEED);
    expect(answer.answer).toContain('delegasi Rusia yang dipimpin oleh Wakil Menteri Pertahanan');
  });

  it('GIVEN a name written in Latin letters THEN the Arabic article writing it in Arabic letters is cited', async () => {
    const answer = await answerQuestion(seededIndex(), 'What did Peskov say about Russia and Africa?');
    const cited = answer.citations.find((c) => c.sourceId === ARABIC_SEED);
    expect(cited?.passage).toContain('بيسكوف');
  });

  it('GIVEN an English word with no shared spelling THEN the lexicon finds the Indonesian one (troops → tentara)', async () => {
    const answer = await answerQuestion(seededIndex(), 'How many French troops were in Niger?');
    expect(answer.citations[0]?.sourceId).toBe(INDONESIAN_SEED);
    expect(answer.answer).toContain('1.500 tentara');
  });
});
