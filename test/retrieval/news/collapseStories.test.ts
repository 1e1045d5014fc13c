import { beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEmbedder } from '../../../ingest/embed/createEmbedder.js';
import { createIndex, type HnswIndex } from '../../../ingest/index/hnswIndex.js';
import { collapseStories } from '../../../retrieval/news/collapseStories.js';
import { addTextPassages, type TextPassage } from '../../helpers/addTextPassages.js';

/** The n-th word of a made-up vocabulary, in letters only so that it is one token: a, b, …, z, aa, ab, … */
const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));

/** `count` distinct made-up words, the same for the same `story`. */
const wordsOf = (story: string, count: number) => Array.from({ length: count }, (_, i) => `${story}${letters(i)}`);

/** A story's text cut into passages of 40 words. */
const passagesOf = (words: string[]) =>
  Array.from({ length: Math.ceil(words.length / 40) }, (_, i) => words.slice(i * 40, i * 40 + 40).join(' '));

const STORY_A = passagesOf(wordsOf('alpha', 120));
/** Five articles, three stories: "a-copy" carries story a word for word, "a-lede" only its first passage. */
const ARTICLES: Record<string, string[]> = {
  a: STORY_A,
  'a-copy': STORY_A,
  'a-lede': STORY_A.slice(0, 1),
  b: passagesOf(wordsOf('bravo', 80)),
  c: passagesOf(wordsOf('charlie', 40)),
};

/**
 * Ranked candidates are written "article:ordinal" ("a:0" is article a's first passage), "?" for
 * one the index does not hold; picks come back as "a:0" or "a:0 (also a-copy)".
 */
describe('collapseStories', () => {
  let index: HnswIndex;
  const labels = new Map<string, number>();
  beforeAll(async () => {
    const embedder = createOfflineEmbedder();
    index = createIndex({ embedder: embedder.identity, passageSettings: { maxChars: 700, overlapChars: 0, analyzer: 'test' } });
    const passages: TextPassage[] = Object.entries(ARTICLES).flatMap(([sourceId, texts]) =>
      texts.map((text, ordinal) => ({ sourceId, ordinal, start: 0, end: text.length, text, terms: text.split(' ') })),
    );
    await addTextPassages(index, embedder.embeddings, passages);
    for (const record of index.passages()) labels.set(`${record.sourceId}:${record.ordinal}`, record.label);
  });

  const collapse = (ranked: string, limit: number, perSource: number) => {
    const candidates = ranked.split(' ').map((name) => labels.get(name) ?? -1);
    return collapseStories(index, candidates, (label) => index.passage(label), { limit, perSource }).map(
      ({ record, alsoReportedBy }) =>
        `${record.sourceId}:${record.ordinal}${alsoReportedBy.length ? ` (also ${alsoReportedBy.join(', ')})` : ''}`,
    );
  };

  const unknown = (n: number) => Array.from({ length: n }, () => '?').join(' ');

  it.each([
    ['three stories', 'a:0 b:0 c:0', 3, 1, ['a:0', 'b:0', 'c:0']],
    ['more candidates than the limit', 'a:0 b:0 c:0', 2, 1, ['a:0', 'b:0']],
    ['a story with more passages than it may give', 'a:0 a:1 a:2 b:0', 4, 2, ['a:0', 'a:1', 'b:0']],
    ['a copy ranked after the original', 'a:0 a-copy:0 b:0', 3, 1, ['a:0 (also a-copy)', 'b:0']],
    ['a copy ranked first', 'a-copy:1 a:0 b:0', 3, 2, ['a-copy:1 (also a)', 'b:0']],
    ['the lede alone carried by another outlet', 'a-lede:0 a:2 c:0', 3, 1, ['a-lede:0 (also a)', 'c:0']],
    ['two copies of one story', 'a:0 a-lede:0 a-copy:2 b:1', 3, 1, ['a:0 (also a-lede, a-copy)', 'b:1']],
    ['two passages of a story and then its copy', 'a:0 a:1 a-copy:0', 3, 2, ['a:0 (also a-copy)', 'a:1 (also a-copy)']],
    ['candidates the index does not hold', '? a:0 ? b:0', 3, 1, ['a:0', 'b:0']],
    ['a copy 9 candidates past the limit', `a:0 b:0 ${unknown(9)} a-copy:0`, 2, 1, ['a:0 (also a-copy)', 'b:0']],
    ['a copy 10 candidates past the limit', `a:0 b:0 ${unknown(10)} a-copy:0`, 2, 1, ['a:0', 'b:0']],
  ])('GIVEN %s, ranked "%s", limit %i, %i per story THEN the picks are %j', (_situation, ranked, limit, perSource, expected) => {
    expect(collapse(ranked, limit, perSource)).toEqual(expected);
  });
});
