import { extname } from 'node:path';
import { z } from 'zod';
import { foldText } from '../../text/foldText.js';
import { articleSchema, type Article, type PageParse, type Unusable } from '../../core/article.js';
import { detectLanguage } from '../../text/detectLanguage.js';
import { findMetadata } from './findMetadata.js';
import { parseHtml } from './parseHtml.js';
import { parseMarkdown } from './parseMarkdown.js';
import { parsePlainText } from './parsePlainText.js';
import { stripBoilerplate } from './stripBoilerplate.js';

function parsePage(sourceId: string, text: string): PageParse {
  switch (extname(sourceId).toLowerCase()) {
    case '.md':
    case '.markdown':
      return parseMarkdown(text);
    case '.html':
    case '.htm':
      return parseHtml(text, sourceId);
    default:
      return { ok: true, page: parsePlainText(text) };
  }
}

/** A seed file's outcome: the article, or why the file cannot be one. */
export type ArticleParse = { ok: true; article: Article } | Unusable;

/**
 * Turns one seed file into an article: parsed by its type, metadata the file states taken as
 * given and the rest inferred, boilerplate stripped. When the result is not a usable article,
 * the reason names the field at fault.
 */
export function parseSeed(sourceId: string, text: string): ArticleParse {
  const parsedPage = parsePage(sourceId, text);
  if (!parsedPage.ok) return parsedPage;
  const { page } = parsedPage;
  const stated = page.meta;
  const inferred = findMetadata(page.blocks, stated);
  const { dateline } = inferred;
  const pageBlocks = dateline ? page.blocks.map((b, i) => (i === dateline.block ? b.slice(dateline.length) : b)) : page.blocks;
  let blocks: string[];
  if (stated.title) {
    const title = foldText(stated.title);
    blocks = pageBlocks.filter((b) => foldText(b) !== title);
  } else {
    blocks = pageBlocks.slice(inferred.bodyStart);
  }
  const body = stripBoilerplate(blocks).join('\n\n');
  if (!body) return { ok: false, reason: 'no article text found' };
  const candidate = {
    sourceId,
    title: stated.title ?? inferred.title ?? sourceId,
    publisher: stated.publisher ?? inferred.publisher ?? stated.site ?? inferred.site,
    site: stated.site ?? inferred.site,
    published: stated.published ?? inferred.published,
    url: stated.url ?? inferred.url,
    language: stated.language ?? detectLanguage(body),
    text: body,
  };
  const parsed = articleSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
  return { ok: true, article: parsed.data };
}
