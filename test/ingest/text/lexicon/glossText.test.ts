import { describe, expect, it } from 'vitest';
import { glossText } from '../../../../ingest/text/lexicon/glossText.js';
import { formatGlossText, glossAnswer, hasGloss } from '../../../../retrieval/answer/glossAnswer.js';

describe('glossText (word-for-word English from the project’s lexicons)', () => {
  it('GIVEN an Indonesian sentence THEN content words in English, names, numbers and dates as written, function words left out', () => {
    const gloss = glossText('Pemerintah Niger memutuskan pada 4 Desember 2023 bahwa 1.500 tentara Prancis harus pergi.', 'id')!;
    expect(gloss.text).toBe('government Niger break 4 Desember 2023 1.500 army Prancis go.');
    expect(gloss.pieces.find((p) => p.source === 'pada')).toEqual({ source: 'pada', shown: null, kind: 'function', glossed: false });
    expect(gloss.pieces.filter((p) => p.kind === 'kept').map((p) => p.source)).toEqual([
      'Niger',
      '4',
      'Desember',
      '2023',
      '1',
      '500',
      'Prancis',
    ]);
    expect({ contentWords: gloss.contentWords, glossedWords: gloss.glossedWords }).toEqual({ contentWords: 4, glossedWords: 4 });
  });

  it('GIVEN an Arabic sentence THEN English in lower case but names capitalised, and Arabic punctuation as English writes it', () => {
    const gloss = glossText('أعلنت الحكومة في روسيا، أن القوات وصلت إلى النيجر يوم 5 مايو 2024؟', 'ar')!;
    expect(gloss.text).toMatch(/^government Russia, \S+ \S+ Niger day 5 مايو 2024\?$/);
  });

  it('GIVEN a word no dictionary has THEN it stays as written and counts as not glossed', () => {
    const gloss = glossText('Warga mengeluhkan kemacetan.', 'id')!;
    expect(gloss.pieces.find((p) => p.source === 'mengeluhkan')).toMatchObject({ shown: 'mengeluhkan', kind: 'content', glossed: false });
    expect(gloss.glossedWords).toBeLessThan(gloss.contentWords);
  });

  it('GIVEN English THEN no gloss', () => {
    expect(glossText('The government decided.', 'en')).toBeUndefined();
  });
});

describe('glossAnswer', () => {
  const answer = {
    answer: '4 December 2023 — Pemerintah Niger memutuskan untuk pergi. [1] The lighthouse reopened. [2]',
    citations: [
      { n: 1, language: 'id' },
      { n: 2, language: 'en' },
    ],
  };

  it('GIVEN an answer quoting an Indonesian and an English article THEN only the Indonesian part is glossed, under a label', () => {
    const parts = glossAnswer(answer);
    expect(parts.map((p) => [p.n, p.language])).toEqual([[1, 'id']]);
    expect(parts[0]!.gloss.text).toBe('4 December 2023 — government Niger break go.');
    expect(formatGlossText(parts)).toBe(
      'Word-for-word English gloss (dictionary senses, not a translation):\n[1] 4 December 2023 — government Niger break go.',
    );
    expect(hasGloss(answer)).toBe(true);
  });

  it('GIVEN no answer, or one quoting English only THEN nothing to gloss', () => {
    expect(glossAnswer({ answer: null, citations: [] })).toEqual([]);
    const english = { answer: 'The lighthouse reopened. [2]', citations: answer.citations };
    expect(glossAnswer(english)).toEqual([]);
    expect(hasGloss(english)).toBe(false);
    expect(formatGlossText([])).toBe('');
  });
});
