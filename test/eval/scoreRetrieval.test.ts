import { describe, expect, it } from 'vitest';
import { containsAnswer, percentile, rankOfGold, scoreTrack, type QuestionOutcome } from './scoreRetrieval.js';

describe('rankOfGold', () => {
  const stories = [['a'], ['b', 'b-copy'], ['c'], ['d'], ['e'], ['f'], ['g'], ['h'], ['i'], ['j'], ['k']];

  it('GIVEN the gold document first THEN its rank is 1', () => {
    expect(rankOfGold(stories, 'a')).toBe(1);
  });

  it('GIVEN the gold document second THEN its rank is 2', () => {
    expect(rankOfGold(stories, 'b')).toBe(2);
  });

  it("GIVEN the gold document collapsed into another outlet's story THEN it has that story's rank", () => {
    expect(rankOfGold(stories, 'b-copy')).toBe(2);
  });

  it('GIVEN the gold document missing or past rank 10 THEN there is no rank', () => {
    expect(rankOfGold(stories, 'zzz')).toBeNull();
    expect(rankOfGold(stories, 'k')).toBeNull();
    expect(rankOfGold([], 'a')).toBeNull();
  });
});

describe('containsAnswer', () => {
  it('GIVEN an answer inside a cited passage THEN true, matching exactly and case-sensitively', () => {
    expect(containsAnswer(['the airport'], ['Ash closed the airport for days'])).toBe(true);
    expect(containsAnswer(['The Airport'], ['Ash closed the airport for days'])).toBe(false);
    expect(containsAnswer(['x', 'days'], ['nothing', 'Ash closed the airport for days'])).toBe(true);
    expect(containsAnswer(['the airport'], [])).toBe(false);
  });

  it("GIVEN spacing that differs from the passage's THEN runs of white space count as one space", () => {
    expect(containsAnswer(['the  airport'], ['Ash closed the\nairport'])).toBe(true);
    expect(containsAnswer(['theairport'], ['Ash closed the airport'])).toBe(false);
  });
});

describe('percentile', () => {
  it('GIVEN latencies THEN gives the nearest-rank percentile', () => {
    const ms = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(ms, 50)).toBe(5);
    expect(percentile(ms, 95)).toBe(10);
    expect(percentile([], 95)).toBe(0);
  });
});

describe('scoreTrack', () => {
  it('GIVEN golds at ranks 1, 2, 7 and missing THEN R@1, R@5, MRR@10 and the answer share are percentages', () => {
    const outcomes: QuestionOutcome[] = [
      { rank: 1, answerInCited: true, ms: 1, answerChars: 100, shortAnswer: { exact: true, f1: 1 } },
      { rank: 2, answerInCited: true, ms: 2, answerChars: 200, shortAnswer: { exact: false, f1: 0.5 } },
      { rank: 7, answerInCited: false, ms: 3, answerChars: 300, shortAnswer: null },
      { rank: null, answerInCited: false, ms: 40, answerChars: null, shortAnswer: null },
    ];
    expect(scoreTrack(outcomes, [true, false, false, false, false])).toEqual({
      questions: 4,
      r1: 25,
      r5: 50,
      // (1 + 1/2 + 1/7 + 0) / 4 = 0.4107…
      mrr10: 41.1,
      answerInCited: 50,
      p50ms: 2,
      p95ms: 40,
      // Questions without a short answer score 0: (1 + 0) / 4 and (1 + 0.5) / 4.
      shortEm: 25,
      shortF1: 37.5,
      shortShare: 50,
      // Over the three answered questions only.
      meanAnswerChars: 200,
      noAnswer: 25,
      // One of the five off-topic questions was answered.
      falseAnswer: 20,
    });
  });

  it('GIVEN no off-topic questions THEN the false-answer rate is null, not 0', () => {
    expect(scoreTrack([{ rank: 1, answerInCited: true, ms: 1, answerChars: 10, shortAnswer: null }]).falseAnswer).toBeNull();
  });
});
