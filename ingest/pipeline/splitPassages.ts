import type { Article } from '../core/article.js';

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

type Span = { start: number; end: number };

/** Building an ICU segmenter costs as much as segmenting an article: one per language, kept. */
const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    const [locale] = Intl.Segmenter.supportedLocalesOf([language]);
    segmenter = new Intl.Segmenter(locale ?? 'und', { granularity: 'sentence' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/** Sentence spans without surrounding white space; one longer than `maxChars` is cut at spaces. */
export function findSentences(text: string, language: string, maxChars = Infinity): Span[] {
  const spans: Span[] = [];
  for (const { segment, index } of sentenceSegmenter(language).segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (!trimmed) continue;
    let start = index + lead;
    const end = start + trimmed.length;
    while (end - start > maxChars) {
      const cut = text.lastIndexOf(' ', start + maxChars);
      const stop = cut > start ? cut : start + maxChars;
      spans.push({ start, end: stop });
      start = stop;
      while (start < end && /\s/.test(text[start]!)) start++;
    }
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

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
