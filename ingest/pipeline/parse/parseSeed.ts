import { extname } from 'node:path';
import { z } from 'zod';
import { foldText } from '../../text/foldText.js';
import { articleSchema, type Article, type ParsedPage } from '../../core/article.js';
import { detectLanguage } from '../../text/detectLanguage.js';
import { findMetadata } from './findMetadata.js';
import { parseHtml } from './parseHtml.js';
import { parseMarkdown } from './parseMarkdown.js';
import { parsePlainText } from './parsePlainText.js';
import { stripBoilerplate } from './stripBoilerplate.js';

function parsePage(sourceId: string, text: string): ParsedPage {
  switch (extname(sourceId).toLowerCase()) {
    case '.md':
    case '.markdown':
      return parseMarkdown(text, sourceId);
    case '.html':
    case '.htm':
      return parseHtml(text, sourceId);
    default:
      return parsePlainText(text);
  }
}

/**
 * Turns one seed file into an article: parsed by its type, metadata the file states taken as
 * given and the rest inferred, boilerplate stripped. Throws an Error naming the file and the
 * field when the result is not a usable article.
 */
export function parseSeed(sourceId: string, text: string): Article {
  const page = parsePage(sourceId, text);
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
  if (!body) throw new Error(`${sourceId}: no article text found`);
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
  if (!parsed.success) throw new Error(`${sourceId}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
