import type { Article } from '../../ingest/core/article.js';
import { parseSeed } from '../../ingest/pipeline/parse/parseSeed.js';

/** parseSeed for fixtures that must be usable articles: an unusable one is a broken fixture, so it throws naming the file and why. */
export function parseArticle(sourceId: string, text: string): Article {
  const parsed = parseSeed(sourceId, text);
  if (!parsed.ok) throw new Error(`${sourceId}: ${parsed.reason}`);
  return parsed.article;
}
