/**
 * Sentence boundaries by ICU (Intl.Segmenter), so Arabic "؟" and "." alike end a sentence: used
 * to cut passages at index time and to pick the sentences of an answer at query time.
 */

/** A sentence's character offsets in the text it was found in. */
export type SentenceSpan = { start: number; end: number };

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
export function findSentences(text: string, language: string, maxChars = Infinity): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
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
