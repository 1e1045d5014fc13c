import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../../ingest/text/analyzeText.js';
import { buildGroupLookup, markSentence } from '../../../../retrieval/answer/reader/markSentence.js';

const lookupFor = (question: string) => buildGroupLookup(analyzeQuery(question, ['en', 'id']).groups, () => 1);

describe('markSentence', () => {
  it('GIVEN a sentence holding none of the question words THEN it is not marked at all', () => {
    expect(markSentence('Cuaca hari ini cerah sekali.', 'id', lookupFor('When did Niger end EU cooperation?'))).toBeNull();
  });

  it('GIVEN a sentence holding question words THEN each token carries its group, stopwords are stop, bracketed words an aside', () => {
    const lookup = lookupFor('When did Niger end EU cooperation?');
    const marked = markSentence('Niger mengakhiri kerja sama (dengan Uni Eropa) pada 4 Desember.', 'id', lookup)!;
    const niger = lookup.byTerm.get('niger');
    expect(niger).toBeDefined();
    const byWord = new Map(marked.tokens.map((t) => [t.folded, t]));
    expect(byWord.get('niger')).toMatchObject({ group: niger, stop: false, aside: false });
    expect(byWord.get('pada')).toMatchObject({ group: null, stop: true, aside: false });
    expect(byWord.get('dengan')).toMatchObject({ stop: true, aside: true });
    expect(marked.groups.has(niger!)).toBe(true);
    expect(marked.score).toBe(marked.groups.size);
  });
});
