import { describe, expect, it } from 'vitest';
import { estimateContainment, fingerprintStory, SAME_STORY_CONTAINMENT } from '../../../retrieval/news/storyFingerprint.js';

/** The n-th word of a made-up vocabulary, in letters only so that it is one token: a, b, …, z, aa, ab, … */
const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));

/** Words `from` … `from + count − 1` of that vocabulary, each prefixed so that none is a real word. */
const words = (from: number, count: number) => Array.from({ length: count }, (_, i) => `w${letters(from + i)}`).join(' ');

/** The text with its `n`-th words (counted from 0) replaced, as an outlet's light edit would. */
const editWords = (text: string, ...n: number[]) =>
  text
    .split(' ')
    .map((word, i) => (n.includes(i) ? `${word}x` : word))
    .join(' ');

describe('fingerprintStory', () => {
  it.each([
    ['300 words', 297, [words(0, 300)]],
    ['the same 300 words twice, as overlapping passages repeat them', 297, [words(0, 300), words(0, 300)]],
    ['300 words in two passages of 150 (no shingle spans them)', 294, [words(0, 150), words(150, 150)]],
    ['three words', 0, [words(0, 3)]],
  ])('GIVEN %s THEN it has %i distinct 4-word shingles', (_given, shingles, texts) => {
    expect(fingerprintStory(texts).shingles).toBe(shingles);
  });
});

describe("estimateContainment (the share of the shorter text's shingles in the other; one story from 0.7)", () => {
  it.each([
    ['the same text', 'one story, containment 1', [words(0, 300)], [words(0, 300)], 1],
    ['the same text in capitals', 'one story, containment 1', [words(0, 300)], [words(0, 300).toUpperCase()], 1],
    ['a copy cut to its first half', 'one story', [words(0, 150), words(140, 160)], [words(0, 150)], null],
    ['a copy with five words changed', 'one story', [words(0, 300)], [editWords(words(0, 300), 10, 70, 130, 190, 250)], null],
    ['two texts sharing a quarter of their words', 'two stories', [words(0, 400)], [words(300, 400)], null],
    ['unrelated texts', 'two stories, containment 0', [words(0, 300)], [words(1000, 300)], 0],
    ['a text and one too short to have shingles', 'two stories, containment 0', [words(0, 300)], [words(0, 3)], 0],
  ])('GIVEN %s THEN they are %s', (_given, outcome, a, b, exactly) => {
    const containment = estimateContainment(fingerprintStory(a), fingerprintStory(b));
    expect(containment >= SAME_STORY_CONTAINMENT).toBe(outcome.startsWith('one story'));
    if (exactly !== null) expect(containment).toBe(exactly);
  });
});
