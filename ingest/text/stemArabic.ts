import { ARABIC_PARTICLES, stripArabicArticle } from './arabicPrefixes.js';

/**
 * Light10 Arabic stemming (Larkey, Ballesteros & Connell, 2007): strip the article and attached
 * conjunctions and prepositions, then common suffixes, on text already normalised by `foldText`.
 * Chosen over Snowball's Arabic stemmer, which leaves "والدول" (and the countries) whole.
 */

// ة is folded to ه and ى to ي before stemming, so "ية" appears here as "يه".
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

export function stemArabic(word: string): string {
  let w = word;
  if (w.length > 3 && w.startsWith('و')) w = w.slice(1);
  w = stripArabicArticle(w) ?? w;
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= 2 && w.endsWith(suffix)) w = w.slice(0, -suffix.length);
  }
  return w;
}

/**
 * The stem of a word read as starting with an attached preposition (ب ل ك ف, "لتوضيح" → "توضيح"),
 * which Light10 leaves on since as many roots start with those letters; null when the word does
 * not start with one or is too short to carry one.
 */
export function stemWithoutParticle(word: string): string | null {
  if (word.length < 5 || !ARABIC_PARTICLES.has(word[0]!) || word.startsWith('ال', 1)) return null;
  return stemArabic(word.slice(1));
}
