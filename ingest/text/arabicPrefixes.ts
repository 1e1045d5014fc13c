/**
 * The Arabic prefixes that are not part of the word they are written onto, for folded text
 * (`foldText`): stemming, name matching and transliteration keys all strip the same ones.
 */

/** The article ال, alone, after an attached conjunction or preposition (وال فال بال كال), or merged with ل (لل). */
export const ARABIC_ARTICLE_PREFIXES = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال'] as const;

/** Prepositions and conjunctions written onto the next word without an article: ب ل ك ف. */
export const ARABIC_PARTICLES: ReadonlySet<string> = new Set(['ب', 'ل', 'ك', 'ف']);

/** The word without its article prefix, or null when it has none that leaves at least two letters. */
export function stripArabicArticle(word: string): string | null {
  const prefix = ARABIC_ARTICLE_PREFIXES.find((p) => word.startsWith(p) && word.length - p.length >= 2);
  return prefix === undefined ? null : word.slice(prefix.length);
}
