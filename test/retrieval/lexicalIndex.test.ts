import { describe, expect, it } from 'vitest';
import { LexicalPostings } from '../../ingest/index/lexicalPostings.js';
import type { QueryGroup } from '../../ingest/text/analyzeText.js';
import { LexicalIndex } from '../../retrieval/lexicalIndex.js';

/*
 * BM25 as lexicalIndex.ts computes it, with k1 = 1.2 and b = 0.75:
 *   idf(df) = ln(1 + (N − df + 0.5) / (df + 0.5))
 *   score   = idf · tf · (k1 + 1) / (tf + k1 · (1 − b + b · length / average length))
 * The expected values below are that formula with each corpus's numbers written in.
 */

/** An index over passages given as their terms separated by spaces; passage i gets label i. */
function indexOf(passages: string[]): LexicalIndex {
  const base = LexicalPostings.empty();
  const added = passages.map((text, label) => ({ label, termIds: Uint32Array.from(text.split(' '), (t) => base.dictionary.add(t)) }));
  return new LexicalIndex(base.merge(new Set(), added));
}

const group = (...alternatives: string[]): QueryGroup => ({ surface: alternatives[0]!, alternatives });

/** Each passage's score for `groups`, by label, for the passages that match. */
const scores = (index: LexicalIndex, groups: QueryGroup[]) => Object.fromEntries(index.search(groups, 10).map((h) => [h.label, h.score]));

describe('LexicalIndex idf (N = 4 passages)', () => {
  // df: a 1, b 2, c 3, d 4.
  const index = indexOf(['a b c d', 'b c d', 'c d', 'd']);

  it.each([
    ['a', 1, Math.log(1 + 3.5 / 1.5)], // 1.2040
    ['b', 2, Math.log(1 + 2.5 / 2.5)], // 0.6931
    ['c', 3, Math.log(1 + 1.5 / 3.5)], // 0.3567
    ['d', 4, Math.log(1 + 0.5 / 4.5)], // 0.1054
    ['z', 0, Math.log(1 + 4.5 / 0.5)], // 2.3026, the largest: a word no passage uses
  ])('GIVEN "%s" in %i of the 4 passages THEN its idf is %f', (term, df, idf) => {
    expect(index.documentFrequency(term)).toBe(df);
    expect(index.idf(term)).toBeCloseTo(idf, 12);
  });

  it('GIVEN a term no passage holds THEN the unseen idf is that of a document frequency of 0', () => {
    expect(index.unseenIdf()).toBeCloseTo(Math.log(1 + 4.5 / 0.5), 12);
  });

  it.each([
    ['its rarest alternative in the index', group('c', 'a', 'd'), Math.log(1 + 3.5 / 1.5)],
    ['the unseen idf when no alternative occurs', group('y', 'z'), Math.log(1 + 4.5 / 0.5)],
    ['the held alternative, not an unseen one beside it', group('z', 'd'), Math.log(1 + 0.5 / 4.5)],
  ])('GIVEN a group THEN its weight is %s', (_what, g, weight) => {
    expect(index.groupWeight(g)).toBeCloseTo(weight, 12);
  });
});

describe('LexicalIndex term-frequency saturation (equal lengths, so length / average = 1)', () => {
  // x occurs 1, 2 and 4 times in passages of 4 terms; df(x) = 3 of N = 4.
  const index = indexOf(['x f1 f2 f3', 'x x f4 f5', 'x x x x', 'y f6 f7 f8']);
  const idf = Math.log(1 + 1.5 / 3.5);
  const found = scores(index, [group('x')]);

  it.each([
    [1, (idf * (1 * 2.2)) / (1 + 1.2), 0], // idf · 1
    [2, (idf * (2 * 2.2)) / (2 + 1.2), 1], // idf · 1.375
    [4, (idf * (4 * 2.2)) / (4 + 1.2), 2], // idf · 1.692: doubling tf again adds less
  ])('GIVEN x %i times in a passage THEN it scores idf · tf · 2.2 / (tf + 1.2) = %f', (_tf, score, label) => {
    expect(found[label]).toBeCloseTo(score, 12);
  });

  it('GIVEN a passage without x THEN it is not among the hits, which come most occurrences first', () => {
    expect(index.search([group('x')], 10).map((h) => h.label)).toEqual([2, 1, 0]);
  });
});

describe('LexicalIndex length normalisation (x once in each; lengths 1, 4, 7 and 4: average 4)', () => {
  const index = indexOf(['x', 'x f1 f2 f3', 'x f4 f5 f6 f7 f8 f9', 'y f10 f11 f12']);
  const idf = Math.log(1 + 1.5 / 3.5);
  const found = scores(index, [group('x')]);

  it.each([
    [1, (idf * 2.2) / (1 + 1.2 * (0.25 + (0.75 * 1) / 4)), 0], // shorter than average: more
    [4, (idf * 2.2) / (1 + 1.2 * (0.25 + (0.75 * 4) / 4)), 1], // average: idf · 1
    [7, (idf * 2.2) / (1 + 1.2 * (0.25 + (0.75 * 7) / 4)), 2], // longer: less
  ])('GIVEN x once in a passage of %i terms THEN it scores %f', (_length, score, label) => {
    expect(found[label]).toBeCloseTo(score, 12);
  });
});

describe('LexicalIndex groups', () => {
  // N = 4; df: niger 2, nigeria 1, rusia 2.
  const index = indexOf(['niger nigeria rusia', 'niger f1 f2', 'rusia f3 f4', 'f5 f6 f7']);
  const idf2 = Math.log(1 + 2.5 / 2.5);
  const idf1 = Math.log(1 + 3.5 / 1.5);
  /** tf 1 in a passage of 3 terms, the average length. */
  const once = (idf: number) => (idf * 2.2) / (1 + 1.2);

  it.each([
    ['one word with two spellings, both in passage 0', [group('niger', 'nigeria')], 0, once(idf1), 1, idf1],
    ['two words, both in passage 0', [group('niger'), group('rusia')], 0, once(idf2) * 2, 2, idf2 * 2],
    ['two words, one in passage 1', [group('niger'), group('rusia')], 1, once(idf2), 1, idf2],
    ['a word no passage holds and one in passage 2', [group('wagner'), group('rusia')], 2, once(idf2), 1, idf2],
  ])(
    'GIVEN %s THEN the passage scores its best alternative per group, summed',
    (_given, groups, label, score, matchedGroups, matchedWeight) => {
      const hit = index.search(groups, 10).find((h) => h.label === label);
      expect(hit?.score).toBeCloseTo(score, 12);
      expect(hit?.matchedGroups).toBe(matchedGroups);
      expect(hit?.matchedWeight).toBeCloseTo(matchedWeight, 12);
    },
  );

  it('GIVEN hits of which two tie, a limit and a filter THEN they come best first, the tie by label, only accepted ones, at most the limit', () => {
    const groups = [group('niger'), group('rusia')];
    expect(index.search(groups, 10).map((h) => h.label)).toEqual([0, 1, 2]);
    expect(index.search(groups, 2).map((h) => h.label)).toEqual([0, 1]);
    expect(index.search(groups, 10, (label) => label !== 0).map((h) => h.label)).toEqual([1, 2]);
    expect(index.search(groups, 0)).toEqual([]);
  });
});

describe('LexicalIndex top hits among many', () => {
  // 60 passages; passage i holds "k" (i % 7) + 1 times, so scores repeat and ties are broken by label.
  const passages = Array.from({ length: 60 }, (_, i) => [...Array<string>((i % 7) + 1).fill('k'), 'pad', `own${i}`].join(' '));
  const index = indexOf(passages);

  it('GIVEN far more hits than the limit and a filter THEN the hits are the filtered full ranking cut at the limit', () => {
    const all = index.search([group('k')], 1000);
    expect(all).toHaveLength(60);
    const odd = (label: number) => label % 2 === 1;
    expect(index.search([group('k')], 5, odd)).toEqual(all.filter((h) => odd(h.label)).slice(0, 5));
    expect(index.search([group('k')], 5)).toEqual(all.slice(0, 5));
  });
});
