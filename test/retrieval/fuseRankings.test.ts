import { describe, expect, it } from 'vitest';
import { fuseRankings, rankWithTies, type Ranking } from '../../retrieval/fuseRankings.js';

/** A ranking of `weight` over labels with their scores, best first: `ranking(1, [7, 0.9], [3, 0.5])`. */
const ranking = (weight: number, ...items: [label: number, score: number][]): Ranking => ({
  weight,
  items: items.map(([label, score]) => ({ label, score })),
});

/** Numbers written with spaces between them, as the tables below give scores and ranks. */
const numbers = (text: string) => text.split(' ').map(Number);

describe('rankWithTies', () => {
  it.each([
    ['3 2 1', '0 1 2'],
    ['3 3 1', '0 0 2'],
    ['5 4 4 4 1', '0 1 1 1 4'],
    ['2 2 2', '0 0 0'],
  ])('GIVEN scores %s best first THEN the competition ranks are %s', (scores, ranks) => {
    expect(rankWithTies(numbers(scores))).toEqual(numbers(ranks));
  });

  it('GIVEN no scores THEN no ranks', () => {
    expect(rankWithTies([])).toEqual([]);
  });
});

describe('fuseRankings (reciprocal-rank fusion, K = 60: each list adds weight / (61 + rank))', () => {
  it.each([
    ['no rankings', 'nothing', [], {}],
    ['one ranking of 1 then 2', '1: 1/61, 2: 1/62', [ranking(1, [1, 0.9], [2, 0.5])], { 1: 1 / 61, 2: 1 / 62 }],
    [
      'lists 1, 2 and 2, 3',
      '1: 1/61, 2: 1/62 + 1/61, 3: 1/62',
      [ranking(1, [1, 0.9], [2, 0.5]), ranking(1, [2, 0.8], [3, 0.1])],
      { 1: 1 / 61, 2: 1 / 62 + 1 / 61, 3: 1 / 62 },
    ],
    [
      'list 1 of weight 2 and list 2 of weight 1',
      '1: 2/61, 2: 1/61',
      [ranking(2, [1, 0.9]), ranking(1, [2, 0.8])],
      { 1: 2 / 61, 2: 1 / 61 },
    ],
    [
      '1 and 2 tied first, then 3',
      '1: 1/61, 2: 1/61, 3: 1/63',
      [ranking(1, [1, 0.7], [2, 0.7], [3, 0.2])],
      { 1: 1 / 61, 2: 1 / 61, 3: 1 / 63 },
    ],
    [
      '1 and 2 tied in both lists, listed in opposite orders',
      'still a tie, 1.5/61 each',
      [ranking(1, [1, 0.5], [2, 0.5]), ranking(0.5, [2, 0.3], [1, 0.3])],
      { 1: 1.5 / 61, 2: 1.5 / 61 },
    ],
  ])('GIVEN %s THEN the fused scores are %s', (_given, _outcome, rankings, expected) => {
    const fused = fuseRankings(rankings);
    expect([...fused.keys()].sort((a, b) => a - b)).toEqual(Object.keys(expected).map(Number));
    for (const [label, score] of Object.entries(expected)) expect(fused.get(Number(label))).toBeCloseTo(score, 12);
  });
});
