import type { Article } from '../parse/article.js';
import { analyzeDocument } from './analyzeText.js';

/**
 * The indexed terms of one passage of an article: its own terms and the headline's, since a
 * headline names what every passage of its story is about ("Niger", "Rusia") while the passage
 * itself may only say "the country". A headline that merely repeats the text's opening (the
 * fallback when a page has none) adds nothing and is left out.
 */
export function analyzePassage(passageText: string, article: Pick<Article, 'title' | 'text' | 'language'>): string[] {
  const terms = analyzeDocument(passageText, article.language).terms;
  if (article.text.startsWith(article.title)) return terms;
  return terms.concat(analyzeDocument(article.title, article.language).terms);
}
