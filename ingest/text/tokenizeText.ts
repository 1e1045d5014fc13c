import type { NameEntry } from './bridgeNames.js';
import { foldText } from './foldText.js';

/**
 * A spelling, interned: every token written the same way shares one Word (while the bounded
 * table keeps it), and the analyses that visit every token of an archive keep on it what they
 * derive from the spelling alone. A repeat then costs a property read rather than a lookup per
 * analysis in tables of hundreds of thousands of words, which was most of an ingest's analysis.
 */
export type Word = {
  readonly raw: string;
  readonly folded: string;
  // Every slot is set when the word is made (to undefined until computed), so all Words share one shape.
  /** bridgeNames: the CLDR names the word may begin. */
  nameStarts: readonly NameEntry[] | undefined;
  /** analyzeText: the word's terms in an article of `language` (null: a stopword there), and their ids in the dictionary last asked for. */
  documentTerms: DocumentWordTerms | undefined;
  /** analyzeText: the form the offline embedder sees (null: a stopword of a common language). */
  surface: string | null | undefined;
};

export type DocumentWordTerms = {
  readonly language: string;
  readonly terms: readonly string[] | null;
  ids?: { dictionary: object; ids: readonly number[] };
};

/** A word of a text: its position in the original string, what was written, and its folded form. */
export type Token = { start: number; end: number; raw: string; folded: string; word: Word };

// Runs of letters (with their marks) or of digits: whitespace, punctuation and a change between
// letters and digits separate words ("Luận05/12/2023" → "Luận", "05", "12", "2023").
const WORD = /\p{N}+|[\p{L}\p{M}]+/gu;
// Scripts written without spaces need ICU's dictionary-based word breaking.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordSegmenter = new Intl.Segmenter('und', { granularity: 'word' });

// Folding (NFKC, NFD, several regexes) dominates tokenising, and an archive's vocabulary
// repeats: words are interned per written form, bounded like the stem cache.
const WORD_LIMIT = 200_000;
const words = new Map<string, Word>();

function internWord(raw: string): Word {
  let word = words.get(raw);
  if (word === undefined) {
    word = { raw, folded: foldText(raw), nameStarts: undefined, documentTerms: undefined, surface: undefined };
    if (words.size >= WORD_LIMIT) words.clear();
    words.set(raw, word);
  }
  return word;
}

function token(start: number, raw: string): Token {
  const word = internWord(raw);
  return { start, end: start + raw.length, raw: word.raw, folded: word.folded, word };
}

/** Splits a text into word tokens with offsets into the original text. */
export function tokenizeText(text: string): Token[] {
  const tokens: Token[] = [];
  // Most texts hold no unspaced script: one test of the text spares one per word.
  const unspaced = UNSPACED.test(text);
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index;
    if (unspaced && UNSPACED.test(raw)) {
      for (const segment of wordSegmenter.segment(raw)) {
        if (!segment.isWordLike) continue;
        tokens.push(token(start + segment.index, segment.segment));
      }
    } else {
      tokens.push(token(start, raw));
    }
  }
  return tokens;
}
