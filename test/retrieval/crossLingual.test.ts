import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import type { LoadedIndex } from '../../retrieval/loadIndex.js';
import { retrievePassages } from '../../retrieval/retrievePassages.js';
import { ARABIC_SEED, buildSeededIndex, createTempWorkspace, INDONESIAN_SEED, type TempWorkspace } from '../helpers/tempWorkspace.js';

describe('English questions over the Indonesian and Arabic seeds', () => {
  let ws: TempWorkspace;
  let index: LoadedIndex;
  beforeAll(async () => {
    ws = await createTempWorkspace();
    index = await buildSeededIndex(ws);
  });
  afterAll(() => ws.cleanup());

  it('GIVEN "Russian S-300 air defence in Niger" THEN the Arabic article about the air defence systems comes first', async () => {
    const { passages } = await retrievePassages(index, 'Russian S-300 air defence in Niger');
    expect(passages[0]?.record.sourceId).toBe(ARABIC_SEED);
    expect(passages[0]?.document.pageContent).toContain('الدفاع الجوي');
  });

  it('GIVEN "when did Niger end EU cooperation?" THEN the Indonesian article is cited first, with the date', async () => {
    const answer = await answerQuestion(index, 'when did Niger end EU cooperation?');
    expect(answer.citations[0]?.sourceId).toBe(INDONESIAN_SEED);
    expect(answer.answer).toMatch(/^4 December 2023 — /);
  });

  it('GIVEN a question naming the delegation THEN the answer is the Indonesian sentence about it (delegasi, by cognate)', async () => {
    const answer = await answerQuestion(index, 'Who led the Russian delegation that visited Niger?');
    expect(answer.citations[0]?.sourceId).toBe(INDONESIAN_SEED);
    expect(answer.answer).toContain('delegasi Rusia yang dipimpin oleh Wakil Menteri Pertahanan');
  });

  it('GIVEN a name written in Latin letters THEN the Arabic article writing it in Arabic letters is cited', async () => {
    const answer = await answerQuestion(index, 'What did Peskov say about Russia and Africa?');
    const cited = answer.citations.find((c) => c.sourceId === ARABIC_SEED);
    expect(cited?.passage).toContain('بيسكوف');
  });

  it('GIVEN an English word with no shared spelling THEN the lexicon finds the Indonesian one (troops → tentara)', async () => {
    const answer = await answerQuestion(index, 'How many French troops were in Niger?');
    expect(answer.citations[0]?.sourceId).toBe(INDONESIAN_SEED);
    expect(answer.answer).toContain('1.500 tentara');
  });
});
