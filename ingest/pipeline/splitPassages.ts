import type { Article } from '../core/article.js';
import { findSentences } from '../text/findSentences.js';

/** A passage of an article: the unit that is embedded, searched and cited. */
export type Passage = {
  sourceId: string;
  ordinal: number;
  /** Character offsets into the article's text. */
  start: number;
  end: number;
  text: string;
};

export type SplitOptions = { maxChars: number; overlapChars: number };

/**
 * Packs whole sentences (ICU sentence boundaries, so Arabic "؟" and "." alike) into passages of
 * at most `maxChars`, each starting with the last sentences of the previous one up to
 * `overlapChars`, so an answer split across a boundary is still found whole in one passage.
 */
export function splitPassages(article: Pick<Article, 'sourceId' | 'text' | 'language'>, options: SplitOptions): Passage[] {
  const { text } = article;
  const sentences = findSentences(text, article.language, options.maxChars);
  const passages: Passage[] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    while (last + 1 < sentences.length && sentences[last + 1]!.end - sentences[first]!.start <= options.maxChars) last++;
    const start = sentences[first]!.start;
    const end = sentences[last]!.end;
    passages.push({ sourceId: article.sourceId, ordinal: passages.length, start, end, text: text.slice(start, end) });
    if (last + 1 >= sentences.length) break;
    let next = last + 1;
    while (next - 1 > first && end - sentences[next - 1]!.start <= options.overlapChars) next--;
    first = next;
  }
  return passages;
}
