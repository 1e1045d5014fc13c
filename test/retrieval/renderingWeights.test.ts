import { describe, expect, it } from 'vitest';
import type { QueryGroup } from '../../ingest/text/analyzeText.js';
import { LexicalPostings } from '../../ingest/index/lexicalPostings.js';
import { LexicalIndex } from '../../retrieval/lexicalIndex.js';

/** A lexical index over `passages` (label → terms), built the way ingest builds postings. */
function indexOf(passages: readonly string[][]): LexicalIndex {
  const base = LexicalPostings.empty();
  const added = passages.map((terms, label) => ({ label, termIds: Uint32Array.from(terms, (t) => base.dictionary.add(t)) }));
  return new LexicalIndex(base.merge(new Set(), added));
}

/**
 * Ten passages of equal length: "rumah" (house, the dictionary's first rendering) in four of
 * them, "wisma" (a rare, here wrong, sense listed after it) in one.
 */
const PASSAGES = [
  ['rumah', 'kota'],
  ['rumah', 'desa'],
  ['rumah', 'sungai'],
  ['rumah', 'pasar'],
  ['jalan', 'kota'],
  ['jalan', 'desa'],
  ['sekolah', 'kota'],
  ['sekolah', 'desa'],
  ['pasar', 'sungai'],
  ['wisma', 'kota'],
];
const RUMAH = 0;
const WISMA = 9;

describe('weighting a word’s dictionary renderings', () => {
  const index = indexOf(PASSAGES);
  const house: QueryGroup = { surface: 'house', alternatives: ['house', 'rumah', 'wisma'], renderings: [['rumah', 'wisma']] };

  it('GIVEN a rare wrong rendering listed after a common right one THEN a passage holding it scores no higher', () => {
    const hits = index.search([house], 10);
    const score = (label: number) => hits.find((h) => h.label === label)!.score;
    expect(score(WISMA)).toBeLessThanOrEqual(score(RUMAH));
    expect(hits[0]!.label).toBe(RUMAH);
  });

  it('GIVEN the same terms as plain alternatives THEN the rare one would win: the rule is what keeps it down', () => {
    const plain: QueryGroup = { surface: 'house', alternatives: house.alternatives };
    expect(index.search([plain], 1)[0]!.label).toBe(WISMA);
  });

  it('GIVEN renderings THEN each scores its idf falling with its rank, never above the first the index holds', () => {
    const idfs = index.alternativeIdfs({
      surface: 'x',
      alternatives: ['absent', 'wisma', 'rumah'],
      renderings: [['absent', 'wisma', 'rumah']],
    });
    expect(idfs.has('absent')).toBe(false);
    expect(idfs.get('wisma')).toBeCloseTo(index.idf('wisma') / 1.5);
    expect(idfs.get('rumah')).toBeCloseTo(index.idf('rumah') / 2);
    expect(
      index.groupWeight({ surface: 'x', alternatives: ['absent', 'wisma', 'rumah'], renderings: [['absent', 'wisma', 'rumah']] }),
    ).toBeCloseTo(index.idf('wisma') / 1.5);
  });
});
