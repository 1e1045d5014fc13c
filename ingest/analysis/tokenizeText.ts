import { foldText } from './foldText.js';

/** A word of a text: its position in the original string, what was written, and its folded form. */
export type Token = { start: number; end: number; raw: string; folded: string };

// Runs of letters (with their marks) or of digits: whitespace, punctuation and a change between
// letters and digits separate words ("Luận05/12/2023" → "Luận", "05", "12", "2023").
const WORD = /\p{N}+|[\p{L}\p{M}]+/gu;
// Scripts written without spaces need ICU's dictionary-based word breaking.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

// Folding (NFKC, NFD, several regexes) dominates tokenising, and an archive's vocabulary
// repeats: memoised per written form, bounded like the stem cache.
const FOLD_CACHE_LIMIT = 200_000;
const foldCache = new Map<string, string>();

function foldWord(raw: string): string {
  let folded = foldCache.get(raw);
  if (folded === undefined) {
    folded = foldText(raw);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(raw, folded);
  }
  return folded;
}

/** Splits a text into word tokens with offsets into the original text. */
export function tokenizeText(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    if (UNSPACED.test(raw)) {
      for (const segment of wordSegmenter.segment(raw)) {
        if (!segment.isWordLike) continue;
        const s = start + segment.index;
        tokens.push({ start: s, end: s + segment.segment.length, raw: segment.segment, folded: foldWord(segment.segment) });
      }
    } else {
      tokens.push({ start, end: start + raw.length, raw, folded: foldWord(raw) });
    }
  }
  return tokens;
}
